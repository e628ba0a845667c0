package io.culex.application.bridge;

import static io.culex.application.bridge.BridgeDirection.BOTH;
import static io.culex.application.bridge.BridgeDirection.IN;
import static io.culex.application.bridge.BridgeDirection.OUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.culex.application.Broker;
import io.culex.application.connection.ConnectRequest;
import io.culex.application.connection.ListenerSecurity;
import io.culex.application.security.AnonymousPolicyAuthenticator;
import io.culex.application.settings.BrokerSettings;
import io.culex.application.settings.ProtocolSettings;
import io.culex.application.spi.Storage;
import io.culex.application.storage.memory.MemoryRetainedStore;
import io.culex.application.storage.memory.MemoryStateStore;
import io.culex.application.testing.RecordingOutbound;
import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.port.Authorizer;
import io.culex.domain.port.RetainedStore;
import io.culex.domain.port.StateStore;
import io.culex.domain.session.Session;
import io.culex.domain.session.SessionLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The gaps a bridge had as an ordinary client of its own broker, and towards a remote that takes less. */
class BridgeHardeningTest {

    private static final String LOCAL_ID = "local.host.b1";
    private static final String NOTIFICATION_TOPIC = "$SYS/broker/connection/host.b1/state";

    @Test
    void theLocalSessionIsExemptFromClientIdPrefixesServerReferenceAndPersistentClientExpiration() {
        ProtocolSettings protocol = new ProtocolSettings(10, 0, QoS.EXACTLY_ONCE, true, 3_600,
                "elsewhere.example:1883", false);
        BrokerSettings settings = new BrokerSettings(true, "auto-", 65_535, BrokerSettings.MQTT_MAX_PAYLOAD,
                SessionLimits.defaults(), "dev-", false, protocol);
        try (BridgeFixture fixture = new BridgeFixture(settings)) {
            fixture.start(new TestBridgeSettings().topic("a/#", OUT, QoS.AT_LEAST_ONCE, "", ""));
            FakeRemote.Link link = fixture.remote.accept();

            fixture.client("dev-publisher").publish("a/1", "m1", QoS.AT_LEAST_ONCE);

            assertEquals(List.of("PUBLISH 1 a/1 q1 m1"), link.publishes());
            assertEquals(BridgeState.CONNECTED, fixture.status().state());
            long expiry = fixture.broker.session(LOCAL_ID).orElseThrow()
                    .query(Session::expiryIntervalSeconds).join();
            assertEquals(Session.NEVER_EXPIRES, expiry, "persistent_client_expiration does not bound it");
        }
    }

    @Test
    void anMqtt5ClientAskingForTheBridgesLocalClientIdGetsClientIdentifierNotValid() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(new TestBridgeSettings().topic("a/#", OUT, QoS.AT_LEAST_ONCE, "", ""));
            FakeRemote.Link link = fixture.remote.accept();
            RecordingOutbound intruder = new RecordingOutbound();

            fixture.broker.accept(intruder).connect(new ConnectRequest(5, LOCAL_ID, true, 60, null, null, null));

            assertEquals(0x85, intruder.connacks.get(0).code());
            assertTrue(intruder.closed);
            fixture.client("publisher").publish("a/1", "m1", QoS.AT_LEAST_ONCE);
            assertEquals(List.of("PUBLISH 1 a/1 q1 m1"), link.publishes(), "the bridge's session is untouched");
        }
    }

    @Test
    void aLazyBridgeLeavingWhenIdleClosesWithoutDisconnectSoTheRemotesWillSaysZero() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            TestBridgeSettings settings = new TestBridgeSettings().topic("a/#", OUT, QoS.AT_LEAST_ONCE, "", "");
            settings.notifications = true;
            settings.startType = BridgeStartType.LAZY;
            settings.threshold = 1;
            fixture.start(settings);
            fixture.client("publisher").publish("a/1", "m1", QoS.AT_LEAST_ONCE);
            fixture.check();
            FakeRemote.Link link = fixture.remote.accept();
            link.listener.puback(1, 0);

            fixture.timers.advance(61_000);

            assertTrue(link.ended);
            assertFalse(link.endedWithDisconnect, "as Mosquitto: the socket is closed and the will says 0");
            assertEquals("0", new String(fixture.remote.lastAttempt().request().will().payload(),
                    StandardCharsets.UTF_8));
            assertEquals(BridgeState.IDLE, fixture.status().state());
        }
    }

    @Test
    void aLazyBridgeWithoutRemoteNotificationsLeavesWithDisconnect() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            TestBridgeSettings settings = new TestBridgeSettings().topic("a/#", OUT, QoS.AT_LEAST_ONCE, "", "");
            settings.notifications = true;
            settings.notificationsLocalOnly = true;
            settings.startType = BridgeStartType.LAZY;
            settings.threshold = 1;
            fixture.start(settings);
            fixture.client("publisher").publish("a/1", "m1", QoS.AT_LEAST_ONCE);
            fixture.check();
            FakeRemote.Link link = fixture.remote.accept();
            link.listener.puback(1, 0);

            fixture.timers.advance(61_000);

            assertTrue(link.ended && link.endedWithDisconnect);
        }
    }

    @Test
    void stoppingTheBrokerClosesWithoutDisconnectSoTheRemotesWillSaysZero() {
        BridgeFixture fixture = new BridgeFixture();
        TestBridgeSettings settings = new TestBridgeSettings().topic("a/#", OUT, QoS.AT_LEAST_ONCE, "", "");
        settings.notifications = true;
        fixture.start(settings);
        FakeRemote.Link link = fixture.remote.accept();

        fixture.close();

        assertEquals(List.of("PUBLISH 65535 " + NOTIFICATION_TOPIC + " q1 1 retain"), link.publishes());
        assertTrue(link.ended);
        assertFalse(link.endedWithDisconnect);
    }

    @Test
    void qos2MessagesQueuedBeforeConnectingGoAsQos1ToARemoteThatTakesQos1AndEndOnPuback() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(new TestBridgeSettings().topic("a/#", OUT, QoS.EXACTLY_ONCE, "", ""));
            LocalClient publisher = fixture.client("publisher");
            publisher.publish("a/1", "m1", QoS.EXACTLY_ONCE);
            publisher.publish("a/2", "m2", QoS.EXACTLY_ONCE);

            FakeRemote.Link link = fixture.remote.accept(new RemoteConnack(false, 65_535, 0, QoS.AT_LEAST_ONCE, true));
            assertEquals(List.of("PUBLISH 1 a/1 q1 m1", "PUBLISH 2 a/2 q1 m2"), link.publishes());
            link.listener.puback(1, 0);
            link.listener.puback(2, 0);

            assertEquals(List.of(), link.sent("PUBREL"), "the remote holds no QoS 2 flow to release");
            assertEquals(0, inflight(fixture));
            publisher.publish("a/3", "m3", QoS.EXACTLY_ONCE);
            assertEquals("PUBLISH 3 a/3 q1 m3", link.publishes().get(2));
        }
    }

    @Test
    void aQos2FlightCutOffIsResentAsQos1WithDupToARemoteThatTakesQos1() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(new TestBridgeSettings().topic("a/#", OUT, QoS.EXACTLY_ONCE, "", ""));
            FakeRemote.Link first = fixture.remote.accept();
            fixture.client("publisher").publish("a/1", "m1", QoS.EXACTLY_ONCE);
            assertEquals(List.of("PUBLISH 1 a/1 q2 m1"), first.publishes());
            first.drop("connection reset");
            fixture.timers.advance(10_000);

            FakeRemote.Link second = fixture.remote.accept(new RemoteConnack(false, 65_535, 0, QoS.AT_LEAST_ONCE,
                    true));
            assertEquals(List.of("PUBLISH 1 a/1 q1 m1 dup"), second.publishes());
            second.listener.puback(1, 0);

            assertEquals(0, inflight(fixture));
        }
    }

    @Test
    void messagesGoAsQos0ToARemoteThatTakesOnlyQos0AndEndAtOnce() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(new TestBridgeSettings().topic("a/#", OUT, QoS.EXACTLY_ONCE, "", ""));
            LocalClient publisher = fixture.client("publisher");
            publisher.publish("a/1", "m1", QoS.EXACTLY_ONCE);
            publisher.publish("a/2", "m2", QoS.AT_LEAST_ONCE);

            FakeRemote.Link link = fixture.remote.accept(new RemoteConnack(false, 65_535, 0, QoS.AT_MOST_ONCE, true));

            assertEquals(List.of("PUBLISH 0 a/1 q0 m1", "PUBLISH 0 a/2 q0 m2"), link.publishes());
            assertEquals(List.of(), link.sent("PUBREL"));
            assertEquals(0, inflight(fixture));
        }
    }

    @Test
    void aRemoteSendingTooMuchBeforeItsSubackLosesTheLink() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(new TestBridgeSettings().topic("cmd/#", IN, QoS.AT_MOST_ONCE, "", ""));
            FakeRemote.Link link = fixture.remote.connackOnly(
                    new RemoteConnack(false, 65_535, 0, QoS.EXACTLY_ONCE, true));
            for (int i = 0; i < RemoteSession.MAX_AWAITING_LOCAL; i++) {
                link.publishFromRemote("cmd/x", "m" + i, QoS.AT_MOST_ONCE, 0, false);
            }
            assertFalse(link.ended, "up to the bound, packets wait for the SUBACK");

            link.publishFromRemote("cmd/x", "one too many", QoS.AT_MOST_ONCE, 0, false);

            assertTrue(link.ended);
            assertEquals(BridgeState.WAITING_TO_RETRY, fixture.status().state());
            assertTrue(fixture.status().lastError().startsWith("more than 1000 packets from the remote"),
                    fixture.status().lastError());
        }
    }

    /**
     * The remote still holds a QoS 2 flow of the session under id 65535 (PUBREC'd, awaiting PUBREL): the
     * bridge's own notification and SUBSCRIBE must take other ids.
     */
    @Test
    void theBridgesOwnPacketIdsAvoidTheLocalSessionsFlights() {
        MemoryStateStore state = new MemoryStateStore();
        StoredMessage message = new StoredMessage("a/1", "m1".getBytes(StandardCharsets.UTF_8), QoS.EXACTLY_ONCE,
                false, MessageProperties.NONE, StoredMessage.NEVER, null);
        state.apply(List.of(new StoreOperation.SessionSaved(LOCAL_ID, Session.NEVER_EXPIRES),
                new StoreOperation.FlightStarted(LOCAL_ID, 65_535,
                        new StoredDelivery(message, QoS.EXACTLY_ONCE, false, List.of())),
                new StoreOperation.FlightReleased(LOCAL_ID, 65_535)));
        Broker broker = durableBroker(state);
        FakeRemote remote = new FakeRemote();
        TestBridgeSettings settings = new TestBridgeSettings().topic("a/#", BOTH, QoS.EXACTLY_ONCE, "", "");
        settings.notifications = true;
        BridgeService service = new BridgeService(List.of(settings.build()), broker, remote, new ManualTimers(),
                new Random(1));
        broker.recover();
        service.start();
        try {
            await("an attempt", () -> !remote.attempts.isEmpty());
            FakeRemote.Link link = remote.connackOnly(new RemoteConnack(true, 65_535, 0, QoS.EXACTLY_ONCE, true));
            await("the bridge's SUBSCRIBE", () -> !link.sent("SUBSCRIBE").isEmpty());

            assertEquals("PUBLISH 65534 " + NOTIFICATION_TOPIC + " q1 1 retain", link.publishes().get(0));
            assertTrue(link.sent("SUBSCRIBE").get(0).startsWith("SUBSCRIBE 65533 "), link.sent("SUBSCRIBE").get(0));
            link.acknowledgeBridgePackets();
            await("the session's PUBREL", () -> link.sent("PUBREL").equals(List.of("PUBREL 65535")));
        } finally {
            service.stop();
            broker.close();
        }
    }

    private static Broker durableBroker(StateStore state) {
        RetainedStore retained = new MemoryRetainedStore();
        Storage storage = new Storage() {
            @Override public RetainedStore retained() { return retained; }
            @Override public StateStore state() { return state; }
            @Override public boolean durable() { return true; }
            @Override public void close() { }
        };
        return new Broker(BrokerSettings.defaults(), storage,
                new ListenerSecurity(new AnonymousPolicyAuthenticator(true), Authorizer.ALLOW_ALL), Map.of());
    }

    private static int inflight(BridgeFixture fixture) {
        return fixture.broker.session(LOCAL_ID).orElseThrow().query(session -> session.inflight().size()).join();
    }

    /** Polls for what the restored session's thread does, failing after a few seconds. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }
}
