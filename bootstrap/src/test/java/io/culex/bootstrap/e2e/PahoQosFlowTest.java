package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.culex.bootstrap.e2e.PahoClients.Client;
import io.culex.bootstrap.e2e.PahoClients.Received;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** QoS 0/1/2 flows, QoS downgrade, overlapping subscriptions and ordering, with real Paho clients. */
class PahoQosFlowTest extends BrokerTestSupport {

    @BeforeEach
    void start() {
        startBroker();
    }

    @ParameterizedTest(name = "MQTT {0}, QoS {1}")
    @CsvSource({"3, 0", "3, 1", "3, 2", "4, 0", "4, 1", "4, 2"})
    void publishAndReceiveAtEveryQos(int version, int qos) throws Exception {
        Client subscriber = clients.connect("sub", version, true);
        subscriber.subscribe("sensors/temp", qos);
        Client publisher = clients.connect("pub", version, true);

        publisher.publish("sensors/temp", "21.5", qos, false);

        Received received = subscriber.next();
        assertEquals(new Received("sensors/temp", "21.5", qos, false, false), received);
    }

    @ParameterizedTest(name = "published QoS {0}, granted QoS {1} -> delivered QoS {2}")
    @CsvSource({"2, 1, 1", "2, 0, 0", "1, 2, 1", "0, 2, 0", "1, 0, 0", "2, 2, 2"})
    void deliveredQosIsTheMinimumOfPublishedAndGranted(int published, int granted, int delivered) throws Exception {
        Client subscriber = clients.connect("sub", PahoClients.MQTT_3_1_1, true);
        subscriber.subscribe("t", granted);
        Client publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);

        publisher.publish("t", "m", published, false);

        assertEquals(delivered, subscriber.next().qos());
    }

    @Test
    void overlappingSubscriptionsDeliverOneCopyAtTheHighestGrantedQos() throws Exception {
        Client subscriber = clients.connect("sub", PahoClients.MQTT_3_1_1, true);
        subscriber.subscribe("home/#", 0);
        subscriber.subscribe("home/+/temp", 2);
        subscriber.subscribe("home/kitchen/temp", 1);
        Client publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);

        publisher.publish("home/kitchen/temp", "19", 2, false);

        assertEquals(2, subscriber.next().qos());
        assertNull(subscriber.nextOrNull(300), "exactly one copy");
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void messagesFromOnePublisherOnOneTopicArriveInOrder(int qos) throws Exception {
        Client subscriber = clients.connect("sub", PahoClients.MQTT_3_1_1, true);
        subscriber.subscribe("seq", qos);
        Client publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);
        int count = 300;

        for (int i = 0; i < count; i++) {
            publisher.publish("seq", Integer.toString(i), qos, false);
        }

        for (int i = 0; i < count; i++) {
            assertEquals(Integer.toString(i), subscriber.next().payload());
        }
    }

    @Test
    void fanOutReachesEverySubscriber() throws Exception {
        Client[] subscribers = new Client[10];
        for (int i = 0; i < subscribers.length; i++) {
            subscribers[i] = clients.connect("sub-" + i, PahoClients.MQTT_3_1_1, true);
            subscribers[i].subscribe("broadcast", 1);
        }
        Client publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);

        publisher.publish("broadcast", "hello", 1, false);

        for (Client subscriber : subscribers) {
            assertEquals("hello", subscriber.next().payload());
        }
    }

    @Test
    void unsubscribeStopsDeliveryAndUnknownFiltersAreAcknowledged() throws Exception {
        Client subscriber = clients.connect("sub", PahoClients.MQTT_3_1_1, true);
        subscriber.subscribe("a", 1);
        subscriber.subscribe("b", 1);
        subscriber.paho.unsubscribe(new String[] {"a", "never/subscribed"});
        Client publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);

        publisher.publish("a", "gone", 1, false);
        publisher.publish("b", "still here", 1, false);

        assertEquals("still here", subscriber.next().payload());
        assertNull(subscriber.nextOrNull(300));
    }

    @Test
    void aClientReceivesItsOwnMessagesWhenSubscribed() throws Exception {
        Client client = clients.connect("echo", PahoClients.MQTT_3_1_1, true);
        client.subscribe("echo", 2);

        client.publish("echo", "me", 2, false);

        assertEquals("me", client.next().payload());
    }
}
