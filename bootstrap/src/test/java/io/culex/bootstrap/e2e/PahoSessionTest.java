package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.PahoClients.Client;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Persistent and clean sessions, queue limits, session present and takeover, with real Paho clients. */
class PahoSessionTest extends BrokerTestSupport {

    /** Connects a persistent subscriber, subscribes, and disconnects cleanly. */
    private void subscribeThenGoOffline(String clientId, int version, String filter, int qos) throws Exception {
        Client subscriber = clients.connect(clientId, version, false);
        subscriber.subscribe(filter, qos);
        subscriber.paho.disconnect();
    }

    private static List<String> payloads(Client client, int count) throws InterruptedException {
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            payloads.add(client.next().payload());
        }
        return payloads;
    }

    @ParameterizedTest(name = "MQTT version {0}")
    @ValueSource(ints = {PahoClients.MQTT_3_1, PahoClients.MQTT_3_1_1})
    void persistentSessionKeepsSubscriptionsAndQos1And2MessagesWhileOffline(int version) throws Exception {
        startBroker();
        subscribeThenGoOffline("keeper", version, "jobs/#", 2);
        Client publisher = clients.connect("pub", version, true);
        List<String> expectedQos1 = new ArrayList<>();
        List<String> expectedQos2 = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            publisher.publish("jobs/" + i, "q1-" + i, 1, false);
            publisher.publish("jobs/" + i, "q2-" + i, 2, false);
            publisher.publish("jobs/" + i, "q0-" + i, 0, false);
            expectedQos1.add("q1-" + i);
            expectedQos2.add("q2-" + i);
        }

        Client back = clients.connect("keeper", version, false);

        // Paho hands a QoS 2 message to the application only at PUBREL, so order is compared per QoS level.
        List<String> received = payloads(back, 20);
        assertEquals(expectedQos1, received.stream().filter(p -> p.startsWith("q1-")).toList());
        assertEquals(expectedQos2, received.stream().filter(p -> p.startsWith("q2-")).toList());
        assertNull(back.nextOrNull(300), "QoS 0 is not queued for offline clients by default");
    }

    @Test
    void sessionPresentTellsWhetherTheBrokerKeptState() throws Exception {
        startBroker();
        MqttClient paho = new MqttClient(broker.uri(), "presence", new MemoryPersistence());
        try {
            MqttConnectOptions persistent = clients.options(PahoClients.MQTT_3_1_1, false);
            assertFalse(paho.connectWithResult(persistent).getSessionPresent(), "first connection: nothing kept");
            paho.disconnect();
            assertTrue(paho.connectWithResult(persistent).getSessionPresent(), "persistent session resumed");
            paho.disconnect();
            assertFalse(paho.connectWithResult(clients.options(PahoClients.MQTT_3_1_1, true)).getSessionPresent(),
                    "clean session discards it");
            paho.disconnect();
            assertFalse(paho.connectWithResult(persistent).getSessionPresent(), "the clean session left nothing behind");
            paho.disconnect();
        } finally {
            paho.close();
        }
    }

    @Test
    void cleanSessionForgetsSubscriptionsAtDisconnect() throws Exception {
        startBroker();
        Client first = clients.connect("forgetful", PahoClients.MQTT_3_1_1, true);
        first.subscribe("news", 1);
        first.paho.disconnect();
        Client publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);
        publisher.publish("news", "missed", 1, false);

        Client again = clients.connect("forgetful", PahoClients.MQTT_3_1_1, true);
        publisher.publish("news", "not subscribed any more", 1, false);

        assertNull(again.nextOrNull(500));
    }

    @Test
    void queueQos0MessagesKeepsQos0ForOfflineClients() throws Exception {
        startBroker("queue_qos0_messages true");
        subscribeThenGoOffline("zero", PahoClients.MQTT_3_1_1, "t", 0);
        Client publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);
        publisher.publish("t", "kept", 0, false);
        // A QoS 1 round trip after the QoS 0 publish guarantees the broker has routed it.
        publisher.publish("t", "barrier", 1, false);

        Client back = clients.connect("zero", PahoClients.MQTT_3_1_1, false);

        assertEquals(List.of("kept", "barrier"), payloads(back, 2));
    }

    @Test
    void maxQueuedMessagesDropsNewMessagesBeyondTheLimitAndCountsThem() throws Exception {
        startBroker("max_queued_messages 5");
        subscribeThenGoOffline("slow", PahoClients.MQTT_3_1_1, "t", 1);
        Client publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);
        long droppedBefore = broker.broker().broker().metrics().messagesDropped();
        for (int i = 0; i < 12; i++) {
            publisher.publish("t", "m" + i, 1, false);
        }

        Client back = clients.connect("slow", PahoClients.MQTT_3_1_1, false);

        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), payloads(back, 5));
        assertNull(back.nextOrNull(300));
        assertEquals(7, broker.broker().broker().metrics().messagesDropped() - droppedBefore);
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {1, 2})
    void inflightWindowDoesNotLoseOrReorderMessagesBeyondIt(int qos) throws Exception {
        startBroker("max_inflight_messages 2");
        Client subscriber = clients.connect("sub", PahoClients.MQTT_3_1_1, true);
        subscriber.subscribe("w", 2);
        Client publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            publisher.publish("w", "m" + i, qos, false);
            expected.add("m" + i);
        }
        assertEquals(expected, payloads(subscriber, 50));
    }

    @Test
    void sameClientIdTakesOverAndThePersistentSessionContinues() throws Exception {
        startBroker();
        Client first = clients.connect("twin", PahoClients.MQTT_3_1_1, false);
        first.subscribe("orders", 1);

        Client second = clients.connect("twin", PahoClients.MQTT_3_1_1, false);
        Client publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);
        publisher.publish("orders", "after takeover", 1, false);

        assertEquals("after takeover", second.next().payload(), "the subscription came with the session");
        for (int i = 0; i < 100 && first.connectionLost == null; i++) {
            Thread.sleep(50);
        }
        assertNotNull(first.connectionLost, "the old connection was closed by the broker");
        assertNull(first.nextOrNull(100));
    }
}
