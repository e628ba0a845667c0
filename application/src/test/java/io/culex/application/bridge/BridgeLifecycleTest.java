package io.culex.application.bridge;

import static io.culex.application.bridge.BridgeDirection.OUT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.protocol.ProtocolVersion;
import io.culex.domain.message.QoS;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a bridge connects, retries, gives up, and what it tells about it. */
class BridgeLifecycleTest {

    private static final RemoteAddress A = new RemoteAddress("remote-a", 1883);
    private static final RemoteAddress B = new RemoteAddress("remote-b", 1884);
    private static final String STATE_TOPIC = "$SYS/broker/connection/host.b1/state";

    private static TestBridgeSettings settings() {
        return new TestBridgeSettings().topic("a/#", OUT, QoS.AT_LEAST_ONCE, "", "");
    }

    @Test
    void automaticRetriesAfterTheRestartTimeout() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(settings());
            fixture.remote.refuse("connection refused");

            BridgeStatus waiting = fixture.status();
            assertEquals(BridgeState.WAITING_TO_RETRY, waiting.state());
            assertEquals("connection refused", waiting.lastError());
            assertEquals(1, waiting.connectAttempts());
            assertEquals(1, waiting.connectFailures());

            fixture.timers.advance(9_999);
            assertEquals(1, fixture.remote.attempts.size());
            fixture.timers.advance(1);
            assertEquals(2, fixture.remote.attempts.size());
            assertEquals(BridgeState.CONNECTING, fixture.status().state());
        }
    }

    @Test
    void automaticReconnectsAfterALostConnection() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(settings());
            fixture.remote.accept().drop("keepalive timeout");

            assertEquals(BridgeState.WAITING_TO_RETRY, fixture.status().state());
            assertEquals("keepalive timeout", fixture.status().lastError());
            assertEquals(0, fixture.status().connectedSinceMillis());
            fixture.timers.advance(10_000);
            assertEquals(2, fixture.remote.attempts.size());
        }
    }

    @Test
    void onceNeverTriesAgain() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            TestBridgeSettings settings = settings();
            settings.startType = BridgeStartType.ONCE;
            fixture.start(settings);
            fixture.remote.accept().drop("connection reset");

            fixture.timers.advance(3_600_000);

            assertEquals(1, fixture.remote.attempts.size());
            assertEquals(BridgeState.IDLE, fixture.status().state());
        }
    }

    @Test
    void lazyConnectsAtTheThresholdAndLeavesWhenIdle() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            TestBridgeSettings settings = settings();
            settings.startType = BridgeStartType.LAZY;
            settings.threshold = 3;
            settings.idleTimeoutSeconds = 30;
            fixture.start(settings);
            LocalClient publisher = fixture.client("publisher");
            publisher.publish("a/1", "m1", QoS.AT_LEAST_ONCE);
            publisher.publish("a/2", "m2", QoS.AT_LEAST_ONCE);
            fixture.check();
            assertEquals(BridgeState.IDLE, fixture.status().state());
            assertTrue(fixture.remote.attempts.isEmpty());

            publisher.publish("a/3", "m3", QoS.AT_LEAST_ONCE);
            fixture.check();
            assertEquals(1, fixture.remote.attempts.size());
            FakeRemote.Link link = fixture.remote.accept();
            assertEquals(3, link.publishes().size());
            for (int id = 1; id <= 3; id++) {
                link.listener.puback(id, 0);
            }

            fixture.timers.advance(29_000);
            assertFalse(link.ended);
            fixture.timers.advance(2_000);
            assertTrue(link.ended && link.endedWithDisconnect, "idle: DISCONNECT");
            assertEquals(BridgeState.IDLE, fixture.status().state());
            assertNull(fixture.status().lastError(), "an idle disconnection is no error");
            fixture.timers.advance(600_000);
            assertEquals(1, fixture.remote.attempts.size());
        }
    }

    @Test
    void aFailureOrADisconnectionMovesToTheNextAddressRoundTheList() {
        RemoteAddress c = new RemoteAddress("remote-c", 1885);
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(settings().addresses(A, B, c));
            fixture.remote.refuse("connection refused");
            fixture.timers.advance(10_000);
            assertEquals(B, fixture.remote.lastAttempt().address());

            fixture.remote.accept().drop("connection reset");
            fixture.timers.advance(10_000);
            assertEquals(c, fixture.remote.lastAttempt().address());

            fixture.remote.refuse("connection refused");
            fixture.timers.advance(10_000);
            assertEquals(A, fixture.remote.lastAttempt().address());
        }
    }

    @Test
    void roundRobinNeverProbesThePrimary() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            TestBridgeSettings settings = settings().addresses(A, B);
            settings.roundRobin = true;
            fixture.start(settings);
            fixture.remote.refuse("connection refused");
            fixture.timers.advance(10_000);
            fixture.remote.accept();

            fixture.timers.advance(10 * Bridge.PRIMARY_PROBE_INTERVAL_MILLIS);

            assertEquals(2, fixture.remote.attempts.size());
        }
    }

    @Test
    void onABackupTheBridgeProbesThePrimaryAndReturnsWhenItAnswers() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(settings().addresses(A, B));
            fixture.remote.refuse("connection refused");
            fixture.timers.advance(10_000);
            FakeRemote.Link backup = fixture.remote.accept();

            fixture.timers.advance(Bridge.PRIMARY_PROBE_INTERVAL_MILLIS);
            FakeRemote.Attempt probe = fixture.remote.lastAttempt();
            assertEquals(A, probe.address());
            assertEquals("host.b1.probe", probe.request().clientId());
            assertTrue(probe.request().cleanStart());
            assertFalse(backup.ended);

            fixture.remote.accept();
            assertTrue(backup.ended);
            assertEquals(A, fixture.remote.lastAttempt().address(), "at once, without the restart timeout");
            assertEquals("host.b1", fixture.remote.lastAttempt().request().clientId());
        }
    }

    @Test
    void roundRobinMovesOnAfterEachDisconnection() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            TestBridgeSettings settings = settings().addresses(A, B);
            settings.roundRobin = true;
            fixture.start(settings);
            assertEquals(A, fixture.remote.lastAttempt().address());
            fixture.remote.accept().drop("connection reset");
            fixture.timers.advance(10_000);
            assertEquals(B, fixture.remote.lastAttempt().address());
            fixture.remote.accept().drop("connection reset");
            fixture.timers.advance(10_000);
            assertEquals(A, fixture.remote.lastAttempt().address());
        }
    }

    @Test
    void notificationsTellTheStateLocallyAndOnTheRemote() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            LocalClient watcher = fixture.client("watcher");
            watcher.subscribe(STATE_TOPIC, QoS.AT_LEAST_ONCE);
            TestBridgeSettings settings = settings();
            settings.notifications = true;
            fixture.start(settings);

            RemoteWill will = fixture.remote.lastAttempt().request().will();
            assertEquals(STATE_TOPIC, will.topic());
            assertArrayEquals("0".getBytes(StandardCharsets.UTF_8), will.payload());
            assertEquals(QoS.AT_LEAST_ONCE, will.qos());
            assertTrue(will.retain());

            FakeRemote.Link link = fixture.remote.accept();
            assertEquals("PUBLISH 65535 " + STATE_TOPIC + " q1 1 retain", link.sent.get(0));
            link.drop("connection reset");

            assertEquals(List.of(STATE_TOPIC + " 0", STATE_TOPIC + " 1", STATE_TOPIC + " 0"), watcher.received());
        }
    }

    @Test
    void localOnlyNotificationsLeaveTheRemoteAlone() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            TestBridgeSettings settings = settings();
            settings.notifications = true;
            settings.notificationsLocalOnly = true;
            fixture.start(settings);

            assertNull(fixture.remote.lastAttempt().request().will());
            assertTrue(fixture.remote.accept().sent("PUBLISH").isEmpty());
        }
    }

    @Test
    void tryPrivateIsAskedOfMqtt3RemotesOnly() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(settings());
            assertTrue(fixture.remote.lastAttempt().request().tryPrivate());
        }
        try (BridgeFixture fixture = new BridgeFixture()) {
            TestBridgeSettings settings = settings();
            settings.version = ProtocolVersion.MQTT_5;
            fixture.start(settings);
            RemoteConnectRequest request = fixture.remote.lastAttempt().request();
            assertFalse(request.tryPrivate());
            assertEquals(ProtocolVersion.MQTT_5, request.version());
            assertEquals("host.b1", request.clientId());
            assertFalse(request.cleanStart());
        }
    }

    @Test
    void theStatusShowsTheConnectionAndItsTraffic() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(settings().topic("in/#", BridgeDirection.IN, QoS.AT_MOST_ONCE, "", ""));
            fixture.timers.advance(5_000);
            FakeRemote.Link link = fixture.remote.accept();
            fixture.client("publisher").publish("a/1", "m1", QoS.AT_LEAST_ONCE);
            link.publishFromRemote("in/x", "r", QoS.AT_MOST_ONCE, 0, false);
            fixture.check();

            BridgeStatus status = fixture.status();
            assertEquals(new BridgeStatus("b1", BridgeState.CONNECTED, "remote-a:1883",
                    fixture.timers.epochMillis() - 1_000, 1, 1, 1, 0, 1, 0, null), status);
        }
    }

    @Test
    void stoppingEndsTheLinkAndTheStateIsStopped() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            BridgeService service = fixture.start(settings());
            FakeRemote.Link link = fixture.remote.accept();

            service.stop();

            assertTrue(link.ended);
            assertEquals(BridgeState.STOPPED, fixture.status().state());
            fixture.timers.advance(60_000);
            assertEquals(1, fixture.remote.attempts.size());
        }
    }

    @Test
    void everyStateChangeIsOneInfoLineWithTheAddressAndTheReason() {
        try (BridgeFixture fixture = new BridgeFixture(); BridgeLogLines log = new BridgeLogLines()) {
            fixture.start(settings());
            fixture.remote.refuse("connection refused");
            fixture.timers.advance(10_000);
            fixture.remote.accept().drop("keepalive timeout");

            assertEquals(List.of(
                    "INFO Bridge b1 connecting (remote-a:1883).",
                    "INFO Bridge b1 could not connect to remote-a:1883: connection refused.",
                    "INFO Bridge b1 waiting to retry (remote-a:1883): next attempt in 10.0 s.",
                    "INFO Bridge b1 connecting (remote-a:1883).",
                    "INFO Bridge b1 connected (remote-a:1883).",
                    "INFO Bridge b1 disconnected from remote-a:1883: keepalive timeout.",
                    "INFO Bridge b1 waiting to retry (remote-a:1883): next attempt in 10.0 s."), log.lines);
        }
    }

    @Test
    void queueDropsAreLoggedAtMostEveryTenSeconds() {
        try (BridgeFixture fixture = new BridgeFixture(); BridgeLogLines log = new BridgeLogLines()) {
            TestBridgeSettings settings = settings();
            settings.maxQueuedMessages = 1;
            settings.restartTimeout = new RestartTimeout(3_600, 0);
            fixture.start(settings);
            fixture.remote.refuse("connection refused");
            LocalClient publisher = fixture.client("publisher");
            for (int i = 0; i < 3; i++) {
                publisher.publish("a/" + i, "m", QoS.AT_LEAST_ONCE);
            }
            fixture.check();
            publisher.publish("a/3", "m", QoS.AT_LEAST_ONCE);
            fixture.check();
            fixture.timers.advance(9_000);
            fixture.check();

            assertEquals(List.of("WARNING Bridge b1: queue for the remote full, 2 messages dropped (2 in all).",
                    "WARNING Bridge b1: queue for the remote full, 1 messages dropped (3 in all)."),
                    log.lines.stream().filter(line -> line.startsWith("WARNING")).toList());
            assertEquals(3, fixture.status().dropped());
        }
    }

    @Test
    void aClientAskingForTheBridgesLocalClientIdIsRefusedAndTheLinkStays() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(settings());
            FakeRemote.Link link = fixture.remote.accept();

            LocalClient intruder = fixture.client("local.host.b1");

            assertEquals(0x02, intruder.connacks.get(0).code(), "MQTT 3.1.1: identifier rejected");
            assertTrue(intruder.closed);
            assertFalse(link.ended);
            assertEquals(BridgeState.CONNECTED, fixture.status().state());
            assertEquals(1, fixture.remote.attempts.size());
        }
    }

    @Test
    void aLazyBridgeThatFailsWaitsTheRestartTimeoutThenTheThresholdAgain() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            TestBridgeSettings settings = settings();
            settings.startType = BridgeStartType.LAZY;
            settings.threshold = 1;
            fixture.start(settings);
            fixture.client("publisher").publish("a/1", "m1", QoS.AT_LEAST_ONCE);
            fixture.check();
            fixture.remote.refuse("connection refused");
            assertEquals(BridgeState.WAITING_TO_RETRY, fixture.status().state());

            fixture.timers.advance(9_000);
            assertEquals(1, fixture.remote.attempts.size());
            fixture.timers.advance(2_000);
            assertEquals(2, fixture.remote.attempts.size(), "the message still waits: connect again");
        }
    }
}
