package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.culex.bootstrap.e2e.PahoClients.Client;
import io.culex.bootstrap.e2e.PahoClients.Received;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retained messages and wills, with real Paho clients. */
class PahoRetainedAndWillTest extends BrokerTestSupport {

    @ParameterizedTest(name = "MQTT version {0}")
    @ValueSource(ints = {PahoClients.MQTT_3_1, PahoClients.MQTT_3_1_1})
    void retainedMessageIsDeliveredOnSubscribeWithTheRetainFlagAndLiveWithout(int version) throws Exception {
        startBroker();
        Client publisher = clients.connect("pub", version, true);
        publisher.publish("status/door", "open", 1, true);

        Client subscriber = clients.connect("sub", version, true);
        subscriber.subscribe("status/#", 2);
        assertEquals(new Received("status/door", "open", 1, true, false), subscriber.next());

        publisher.publish("status/door", "closed", 2, true);
        assertEquals(new Received("status/door", "closed", 2, false, false), subscriber.next(),
                "live forwarding clears the retain flag");
    }

    @Test
    void retainedMessageIsReplacedByTheNextAndClearedByAnEmptyPayload() throws Exception {
        startBroker();
        Client publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);
        publisher.publish("r", "first", 1, true);
        publisher.publish("r", "second", 1, true);

        Client late = clients.connect("late", PahoClients.MQTT_3_1_1, true);
        late.subscribe("r", 1);
        assertEquals("second", late.next().payload());
        assertNull(late.nextOrNull(200), "only the latest retained message");

        publisher.paho.publish("r", new byte[0], 1, true);
        assertEquals("", late.next().payload(), "the clearing message itself is forwarded live");
        Client later = clients.connect("later", PahoClients.MQTT_3_1_1, true);
        later.subscribe("r", 1);
        assertNull(later.nextOrNull(300), "cleared");
        assertEquals(0, broker.broker().broker().retainedCount());
    }

    @Test
    void retainedMessagesOnSubscribeAreNotTruncatedByTheInflightWindow() throws Exception {
        startBroker("max_inflight_messages 2", "max_queued_messages 10");
        Client publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            publisher.publish("fleet/" + i, "v" + i, 1, true);
            expected.add("fleet/" + i);
        }

        Client subscriber = clients.connect("sub", PahoClients.MQTT_3_1_1, true);
        subscriber.subscribe("fleet/+", 1);

        Set<String> received = new HashSet<>();
        for (int i = 0; i < expected.size(); i++) {
            Received message = subscriber.next();
            assertEquals(true, message.retained());
            received.add(message.topic());
        }
        assertEquals(expected, received);
    }

    private static MqttConnectOptions withWill(PahoClients clients, String topic, String payload, int qos, boolean retained) {
        MqttConnectOptions options = clients.options(PahoClients.MQTT_3_1_1, true);
        options.setWill(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained);
        return options;
    }

    @Test
    void willIsPublishedWhenTheConnectionIsTakenOver() throws Exception {
        startBroker();
        Client watcher = clients.connect("watcher", PahoClients.MQTT_3_1_1, true);
        watcher.subscribe("wills/#", 2);
        clients.connect("device", withWill(clients, "wills/device", "gone", 2, false));

        clients.connect("device", PahoClients.MQTT_3_1_1, true);

        assertEquals(new Received("wills/device", "gone", 2, false, false), watcher.next());
    }

    @Test
    void willIsNotPublishedAfterDisconnect() throws Exception {
        startBroker();
        Client watcher = clients.connect("watcher", PahoClients.MQTT_3_1_1, true);
        watcher.subscribe("wills/#", 1);
        Client device = clients.connect("device", withWill(clients, "wills/device", "gone", 1, false));

        device.paho.disconnect();

        assertNull(watcher.nextOrNull(500));
    }

    @Test
    void retainedWillIsKeptForLaterSubscribers() throws Exception {
        startBroker();
        clients.connect("device", withWill(clients, "state/device", "offline", 1, true));
        Client usurper = clients.connect("device", PahoClients.MQTT_3_1_1, true);
        usurper.subscribe("state/device", 1);
        // The usurper may subscribe before or after the will lands; a fresh subscriber after it is certain.
        usurper.next();

        Client later = clients.connect("later", PahoClients.MQTT_3_1_1, true);
        later.subscribe("state/device", 1);

        assertEquals(new Received("state/device", "offline", 1, true, false), later.next());
    }
}
