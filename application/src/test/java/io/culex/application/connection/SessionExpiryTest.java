package io.culex.application.connection;

import static io.culex.application.connection.BrokerHarness.await;
import static io.culex.application.connection.BrokerHarness.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.connection.TestClient.Publish;
import io.culex.application.settings.ProtocolSettings;
import io.culex.domain.message.QoS;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How long a session outlives its connection: MQTT 5's Session Expiry Interval (from CONNECT,
 * changed by DISCONNECT), MQTT 3.x clean session, and persistent_client_expiration. Expiry is a
 * broker timer with second granularity: the two tests that wait for one use 1 s intervals.
 */
class SessionExpiryTest {

    private BrokerHarness harness = new BrokerHarness();

    @AfterEach
    void stopBroker() {
        harness.close();
    }

    @Test
    void anIdleSessionEndsAfterItsIntervalUnlessItsClientCameBack() {
        TestClient returning = harness.v5("returning", true, 1, null);
        returning.subscribe("t", QoS.AT_MOST_ONCE);
        returning.lose();
        TestClient back = harness.v5("returning", false, 1, null);
        assertEquals(List.of("CONNACK 0 present"), back.packets);

        harness.v5("idle", true, 1, null).lose();
        TestClient shortened = harness.v5("shortened", true, 600, null);
        shortened.connection.disconnect(0x00, 1); // DISCONNECT may change the interval the CONNECT set
        assertEquals(3, harness.broker.sessionCount(), "no session ends with its connection");

        // Their timers were armed after the returning client's, which its reconnection disarmed.
        await("the idle sessions to expire", () -> harness.broker.sessionCount() == 1);

        assertEquals(List.of("CONNACK 0"), harness.v5("idle", false, 1, null).packets, "a new session");
        harness.v5("publisher").publish(Publish.to("t"));
        assertEquals(List.of("t"), back.receivedTopics(), "the returning client's session is intact");
    }

    @Test
    void aSessionFoundByAReconnectingClientJustBeforeItsExpiryRunsIsResumedIntact() {
        ManualLoop loop = new ManualLoop();
        TestClient first = new TestClient();
        first.loop = loop;
        first.connection = harness.broker.accept(first);
        first.connection.connect(new ConnectRequest(5, "device", true, 60, null, null, null, false,
                BrokerHarness.v5Properties(1, 65_535)));
        first.subscribe("t", QoS.AT_LEAST_ONCE);
        first.lose();
        loop.runAll();
        await("the expiry timer to hand its work to the session", loop::hasTasks);

        TestClient back = harness.v5("device", false, 600, null); // the registry still has the session
        loop.runAll(); // the expiry's work, queued first, then the new connection's attachment

        assertEquals(List.of("CONNACK 0 present"), back.packets);
        assertEquals(1, harness.broker.sessionCount(), "the session CONNACK said is present is still registered");
        harness.v5("publisher").publish(Publish.to("t"));
        assertEquals(List.of("t"), back.receivedTopics(), "and its subscription still routes");
    }

    @Test
    void reconnectingWithinTheIntervalResumesTheSessionWithWhatWasQueued() {
        TestClient subscriber = harness.v5("subscriber", true, 600, null);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        subscriber.lose();
        harness.v5("publisher").publish(Publish.to("t").payload("while away").qos(QoS.AT_LEAST_ONCE, 1));

        TestClient back = harness.v5("subscriber", false, 600, null);

        assertEquals(List.of("CONNACK 0 present", "PUBLISH 1 t"), back.packets);
        assertEquals(List.of("while away"), back.receivedPayloads());
    }

    @Test
    void cleanStartDiscardsTheSessionThatWaited() {
        TestClient subscriber = harness.v5("subscriber", true, 600, null);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        subscriber.lose();

        TestClient fresh = harness.v5("subscriber", true, 600, null);

        assertEquals(List.of("CONNACK 0"), fresh.packets);
        assertEquals(0, harness.broker.subscriptionCount());
        assertEquals(1, harness.broker.sessionCount());
    }

    @Test
    void aSessionWithExpiryZeroEndsWithItsConnection() {
        TestClient client = harness.v5("client", true, 0, null);
        client.subscribe("t", QoS.AT_LEAST_ONCE);
        client.lose();
        assertEquals(0, harness.broker.sessionCount());
        assertEquals(0, harness.broker.subscriptionCount());
        assertEquals(List.of("CONNACK 0"), harness.v5("client", false, 0, null).packets);
    }

    @Test
    void disconnectCanEndAPersistentSessionAtOnce() {
        TestClient client = harness.v5("client", true, 600, null);
        client.connection.disconnect(0x00, 0);
        assertEquals(0, harness.broker.sessionCount());
    }

    @Test
    void disconnectWithoutAnIntervalKeepsTheOneFromConnect() {
        TestClient client = harness.v5("client", true, 600, null);
        client.connection.disconnect(0x00, -1);
        assertEquals(1, harness.broker.sessionCount());
    }

    @Test
    void disconnectSettingAnIntervalAfterConnectSetNoneIsAProtocolError() {
        TestClient client = harness.v5("client", true, 0, null);
        client.connection.disconnect(0x00, 60);
        assertEquals(List.of("CONNACK 0", "DISCONNECT PROTOCOL_ERROR"), client.packets);
        assertTrue(client.closed);
        assertEquals(0, harness.broker.sessionCount(), "the session still ends with the connection");
    }

    @Test
    void disconnectWithIntervalZeroAfterConnectSetNoneIsFine() {
        TestClient client = harness.v5("client", true, 0, null);
        client.connection.disconnect(0x00, 0);
        assertEquals(List.of("CONNACK 0"), client.packets);
        assertTrue(client.closed);
    }

    @Test
    void anMqtt311SessionWithoutCleanSessionStaysAndResumes() {
        TestClient subscriber = harness.v311("old", false);
        subscriber.subscribe("t", QoS.AT_LEAST_ONCE);
        subscriber.connection.disconnect();
        harness.v5("publisher").publish(Publish.to("t").qos(QoS.AT_LEAST_ONCE, 1));
        assertEquals(2, harness.broker.sessionCount());

        TestClient back = harness.v311("old", false);
        assertEquals(List.of("CONNACK 0 present", "PUBLISH 1 t"), back.packets);
    }

    @Test
    void anMqtt311CleanSessionEndsWithItsConnection() {
        harness.v311("old", true).lose();
        assertEquals(0, harness.broker.sessionCount());
    }

    @Test
    void persistentClientExpirationEndsAnIdleMqtt311Session() {
        harness.close();
        harness = new BrokerHarness(settings(new ProtocolSettings(10, 0, QoS.EXACTLY_ONCE, true, 1, null, false)));
        TestClient old = harness.v311("old", false);
        old.subscribe("t", QoS.AT_LEAST_ONCE);
        old.lose();
        assertEquals(1, harness.broker.sessionCount());

        // The session leaves the registry first, then its subscriptions go, both on the session's thread.
        await("persistent_client_expiration to end the session", () -> harness.broker.sessionCount() == 0
                && harness.broker.subscriptionCount() == 0);

        assertEquals(List.of("CONNACK 0"), harness.v311("old", false).packets);
    }

    /** An event loop the test runs by hand, to order the session's work against a timer's. */
    private static final class ManualLoop implements Executor {
        private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        boolean hasTasks() {
            return !tasks.isEmpty();
        }

        void runAll() {
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                task.run();
            }
        }
    }
}
