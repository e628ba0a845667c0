package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.Paho5Clients.Client;
import io.culex.bootstrap.e2e.Paho5Clients.Received;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MQTT 5 features end to end with Eclipse Paho's MQTT 5 client over a real socket. */
class Mqtt5EndToEndTest extends BrokerTestSupport {

    private Paho5Clients clients5;

    @BeforeEach
    void start() {
        startBroker();
        clients5 = new Paho5Clients(broker);
    }

    @AfterEach
    void closeClients() {
        clients5.close();
    }

    @Test
    void connackAnnouncesTheBrokersLimits() throws Exception {
        Client client = clients5.connect("limits");
        MqttProperties connack = client.connack();
        assertEquals(10, connack.getTopicAliasMaximum());
        assertEquals(20, connack.getReceiveMaximum());
    }

    @Test
    void propertiesAreForwardedWithTheMessage() throws Exception {
        Client subscriber = clients5.connect("sub");
        subscriber.subscribe("props/#", 1);
        Client publisher = clients5.connect("pub");
        MqttProperties properties = new MqttProperties();
        properties.setUserProperties(List.of(new UserProperty("b", "2"), new UserProperty("a", "1"),
                new UserProperty("b", "3")));
        properties.setContentType("text/plain");
        properties.setResponseTopic("replies/pub");
        properties.setCorrelationData("id-42".getBytes(StandardCharsets.UTF_8));
        properties.setPayloadFormat(true);
        properties.setMessageExpiryInterval(3600L);
        publisher.publish("props/x", "hello", 1, false, properties);

        Received received = subscriber.next();
        assertEquals("hello", received.payload());
        MqttProperties forwarded = received.properties();
        assertEquals(List.of(new UserProperty("b", "2"), new UserProperty("a", "1"), new UserProperty("b", "3")),
                forwarded.getUserProperties());
        assertEquals("text/plain", forwarded.getContentType());
        assertEquals("replies/pub", forwarded.getResponseTopic());
        assertArrayEquals("id-42".getBytes(StandardCharsets.UTF_8), forwarded.getCorrelationData());
        assertTrue(forwarded.getPayloadFormat());
        assertTrue(forwarded.getMessageExpiryInterval() > 3590 && forwarded.getMessageExpiryInterval() <= 3600,
                "remaining expiry " + forwarded.getMessageExpiryInterval());
    }

    @Test
    void overlappingSubscriptionsDeliverOnceWithEveryIdentifier() throws Exception {
        Client subscriber = clients5.connect("ids");
        MqttProperties first = new MqttProperties();
        first.setSubscriptionIdentifier(7);
        subscriber.subscribe(new MqttSubscription("ids/#", 1), first);
        MqttProperties second = new MqttProperties();
        second.setSubscriptionIdentifier(9);
        subscriber.subscribe(new MqttSubscription("ids/+", 2), second);

        clients5.connect("ids-pub").publish("ids/a", "x", 2, false);
        Received received = subscriber.next();
        assertEquals(2, received.qos());
        assertEquals(Set.of(7, 9), new HashSet<>(received.properties().getSubscriptionIdentifiers()));
        assertNull(subscriber.nextOrNull(300), "one copy only");
    }

    @Test
    void noLocalKeepsAClientsOwnMessagesFromIt() throws Exception {
        Client client = clients5.connect("chat");
        MqttSubscription subscription = new MqttSubscription("room/#", 1);
        subscription.setNoLocal(true);
        client.subscribe(subscription, new MqttProperties());
        client.publish("room/1", "mine", 1, false);
        clients5.connect("other").publish("room/1", "theirs", 1, false);
        assertEquals("theirs", client.next().payload());
        assertNull(client.nextOrNull(300));
    }

    @Test
    void sharedSubscriptionGivesEachMessageToOneMember() throws Exception {
        Client first = clients5.connect("worker-1");
        Client second = clients5.connect("worker-2");
        first.subscribe("$share/workers/jobs/#", 1);
        second.subscribe("$share/workers/jobs/#", 1);
        Client producer = clients5.connect("producer");
        for (int i = 0; i < 10; i++) {
            producer.publish("jobs/" + i, "job-" + i, 1, false);
        }
        Set<String> seen = new HashSet<>();
        int firstCount = drain(first, seen);
        int secondCount = drain(second, seen);
        assertEquals(10, seen.size(), "every job delivered exactly once");
        assertEquals(10, firstCount + secondCount);
        assertEquals(5, firstCount, "round robin");
    }

    private static int drain(Client client, Set<String> seen) throws InterruptedException {
        int count = 0;
        for (Received received = client.nextOrNull(1000); received != null; received = client.nextOrNull(300)) {
            assertTrue(seen.add(received.payload()), "duplicate " + received.payload());
            count++;
        }
        return count;
    }

    @Test
    void serverTopicAliasesAreResolvedByTheClient() throws Exception {
        var options = Paho5Clients.options(true, 0L);
        options.setTopicAliasMaximum(2);
        Client subscriber = clients5.connect("aliases", options);
        subscriber.subscribe("alias/#", 0);
        Client publisher = clients5.connect("alias-pub");
        for (int i = 0; i < 6; i++) {
            publisher.publish("alias/" + (i % 3), "m" + i, 1, false);
        }
        for (int i = 0; i < 6; i++) {
            Received received = subscriber.next();
            assertEquals("alias/" + (i % 3), received.topic());
            assertEquals("m" + i, received.payload());
        }
    }

    @Test
    void aTakenOverSessionHearsWhy() throws Exception {
        Client first = clients5.connect("twin");
        clients5.connect("twin");
        assertEquals(0x8E, first.awaitDisconnect().getReturnCode());
    }

    @Test
    void aStoppingBrokerTellsMqtt5ClientsWhy() throws Exception {
        Client client = clients5.connect("until-shutdown");
        broker.close();
        broker = null;
        assertEquals(0x8B, client.awaitDisconnect().getReturnCode());
    }

    @Test
    void mqtt3And5ClientsExchangeMessages() throws Exception {
        Client v5 = clients5.connect("v5");
        v5.subscribe("mixed/#", 1);
        PahoClients.Client v311 = clients.connect("v311", PahoClients.MQTT_3_1_1, true);
        v311.subscribe("mixed/#", 1);
        PahoClients.Client v31 = clients.connect("v31", PahoClients.MQTT_3_1, true);
        v31.subscribe("mixed/#", 1);

        v31.publish("mixed/from31", "a", 1, false);
        MqttProperties properties = new MqttProperties();
        properties.setUserProperties(List.of(new UserProperty("k", "v")));
        v5.publish("mixed/from5", "b", 1, false, properties);

        assertEquals("a", v5.next().payload());
        assertEquals("b", v5.next().payload());
        assertEquals("a", v311.next().payload());
        assertEquals("b", v311.next().payload());
        assertEquals("a", v31.next().payload());
        assertEquals("b", v31.next().payload());
    }

    @Test
    void sessionPresentWhenResumingWithinTheExpiryInterval() throws Exception {
        Client first = clients5.connect("resume", Paho5Clients.options(true, 60L));
        first.subscribe("resume/#", 1);
        first.disconnect();
        clients5.connect("resume-pub").publish("resume/x", "while away", 1, false);
        Client again = clients5.connect("resume", Paho5Clients.options(false, 60L));
        assertTrue(again.connectToken.getSessionPresent());
        assertEquals("while away", again.next().payload());
    }

    @Test
    void aSessionWithoutExpiryEndsWithItsConnection() throws Exception {
        Client first = clients5.connect("short", Paho5Clients.options(true, 0L));
        first.subscribe("short/#", 1);
        first.disconnect();
        Client again = clients5.connect("short", Paho5Clients.options(false, 0L));
        assertFalse(again.connectToken.getSessionPresent());
        assertNotNull(again);
    }
}
