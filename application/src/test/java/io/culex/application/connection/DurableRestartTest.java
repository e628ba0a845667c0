package io.culex.application.connection;

import static io.culex.application.connection.BrokerHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.application.Broker;
import io.culex.application.settings.BrokerSettings;
import io.culex.application.storage.memory.MemoryStateStore;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.port.StateStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broker on a durable store, restarted on the same store: persistent sessions, their queues and
 * flights, and retained messages come back; publishers are acknowledged only after the store wrote.
 * The store here is the reference memory store declared durable, shared by both "processes".
 */
class DurableRestartTest {

    /** The memory store, declared durable, that can be made to fail. */
    private static final class SharedStore implements StateStore {
        final MemoryStateStore store = new MemoryStateStore();
        volatile boolean failing;
        volatile boolean blocked;

        @Override
        public void apply(List<StoreOperation> operations) {
            while (blocked) {
                Thread.onSpinWait();
            }
            if (failing) {
                throw new StoreException("disk full (test)", null);
            }
            store.apply(operations);
        }

        @Override
        public io.culex.domain.persistence.RecoveredState recover() {
            return store.recover();
        }

        @Override
        public List<io.culex.domain.persistence.RecoveredState.QueuedMessage> readQueue(String id, long after, int n) {
            return store.readQueue(id, after, n);
        }

        @Override
        public void close() {
        }
    }

    private final SharedStore state = new SharedStore();
    private Broker broker = start();

    private Broker start() {
        return BrokerHarness.durableBroker(BrokerSettings.defaults(), state);
    }

    private void restart() {
        broker.close();
        broker = start();
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private TestClient connect(String clientId, boolean cleanSession) {
        TestClient client = new TestClient();
        client.connection = broker.accept(client);
        client.connection.connect(new ConnectRequest(4, clientId, cleanSession, 60, null, null, null));
        return client;
    }

    @Test
    void queuedMessagesSubscriptionsAndRetainedMessagesSurviveARestart() {
        TestClient subscriber = connect("sub", false);
        subscriber.subscribe("t/#", QoS.EXACTLY_ONCE);
        subscriber.lose();
        TestClient publisher = connect("pub", true);
        publisher.publish("t/1", "one", QoS.AT_LEAST_ONCE);
        publisher.publish("t/2", "two", QoS.EXACTLY_ONCE);
        publisher.publish(TestClient.Publish.to("t/retained").payload("kept").qos(QoS.AT_LEAST_ONCE, 9).retain());
        await("the acknowledgements", () -> publisher.packets.size() == 4);
        assertEquals(List.of("CONNACK 0", "PUBACK 1 SUCCESS", "PUBREC 2 SUCCESS", "PUBACK 9 SUCCESS"),
                publisher.packets);

        restart();

        TestClient back = connect("sub", false);
        await("the restored session's messages", () -> back.received.size() == 3);
        assertEquals("CONNACK 0 present", back.packets.get(0));
        assertEquals(List.of("one", "two", "kept"), back.receivedPayloads());
        TestClient newcomer = connect("new", true);
        newcomer.subscribe("t/retained", QoS.AT_LEAST_ONCE);
        assertEquals(List.of("kept"), newcomer.receivedPayloads());
    }

    @Test
    void aRestoredSessionQueuesWhatIsPublishedBeforeItsClientReturns() {
        TestClient subscriber = connect("sub", false);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        subscriber.lose();

        restart();

        TestClient publisher = connect("pub", true);
        publisher.publish("t", "after the restart", QoS.AT_LEAST_ONCE);
        await("the acknowledgement", () -> publisher.packets.size() == 2);
        assertEquals("PUBACK 1 SUCCESS", publisher.packets.get(1), "the restored session is a matching subscriber");
        TestClient back = connect("sub", false);
        await("the queued message", () -> back.received.size() == 1);
        assertEquals(List.of("after the restart"), back.receivedPayloads());
    }

    @Test
    void anUnacknowledgedFlightIsResentWithDupAfterARestart() {
        TestClient subscriber = connect("sub", false);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        connect("pub", true).publish("t", "in flight", QoS.AT_LEAST_ONCE);
        await("the delivery", () -> subscriber.received.size() == 1);

        restart();

        TestClient back = connect("sub", false);
        await("the re-sent PUBLISH", () -> back.packets.contains("PUBLISH 1 t dup"));
    }

    @Test
    void aStoreThatCannotWriteStillServesMessagesItNeedNotStore() {
        TestClient live = connect("live", true);
        live.subscribe("volatile/#", QoS.AT_LEAST_ONCE);
        state.failing = true;
        TestClient publisher = connect("pub", true);
        publisher.publish("volatile/a", "not stored", QoS.AT_LEAST_ONCE);
        await("the acknowledgement", () -> publisher.packets.size() == 2);
        assertEquals("PUBACK 1 SUCCESS", publisher.packets.get(1));
        assertEquals(List.of("not stored"), live.receivedPayloads());
    }

    @Test
    void changesTheStoreRefusedAreWrittenOnceItWorksAgain() {
        state.failing = true;
        TestClient subscriber = connect("sub", false);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        subscriber.lose();
        state.failing = false;
        TestClient publisher = connect("pub", true);
        publisher.publish("t", "after the failure", QoS.AT_LEAST_ONCE);
        await("the acknowledgement", () -> publisher.packets.size() == 2);

        restart();

        TestClient back = connect("sub", false);
        await("the queued message", () -> back.received.size() == 1);
        assertEquals("CONNACK 0 present", back.packets.get(0), "the session written late survived the restart");
    }

    @Test
    void thePublisherWaitsForTheStore() {
        TestClient subscriber = connect("sub", false);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        subscriber.lose();
        state.blocked = true;
        TestClient publisher = connect("pub", true);
        publisher.publish("t", "waiting", QoS.AT_LEAST_ONCE);
        assertEquals(List.of("CONNACK 0"), publisher.packets, "no PUBACK before the store wrote");
        state.blocked = false;
        await("the PUBACK", () -> publisher.packets.size() == 2);
        assertEquals("PUBACK 1 SUCCESS", publisher.packets.get(1));
    }

    @Test
    void aStoreThatCannotWriteRefusesMessagesInsteadOfPretending() {
        TestClient subscriber = connect("sub", false);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        subscriber.lose();
        state.failing = true;
        TestClient v311 = connect("pub", true);
        v311.publish("t", "lost?", QoS.AT_LEAST_ONCE);
        await("the disconnect", () -> v311.closed);
        assertEquals(List.of("CONNACK 0"), v311.packets, "MQTT 3.1.1 cannot be told: no PUBACK, disconnected");

        TestClient v5 = new TestClient();
        v5.connection = broker.accept(v5);
        v5.connection.connect(new ConnectRequest(5, "pub5", true, 60, null, null, null, false,
                BrokerHarness.v5Properties(0, 65_535)));
        v5.publish("t", "lost?", QoS.AT_LEAST_ONCE);
        await("the refusal", () -> v5.packets.size() == 2);
        assertEquals("PUBACK 1 QUOTA_EXCEEDED", v5.packets.get(1));

        state.failing = false;
        TestClient later = connect("pub-later", true);
        later.publish("t", "stored", QoS.AT_LEAST_ONCE);
        await("acknowledged again", () -> later.packets.size() == 2);
        assertEquals("PUBACK 1 SUCCESS", later.packets.get(1));
    }
}
