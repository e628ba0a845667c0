package io.culex.application.bridge;

import static io.culex.application.bridge.BridgeDirection.BOTH;
import static io.culex.application.bridge.BridgeDirection.IN;
import static io.culex.application.bridge.BridgeDirection.OUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.QoS;
import io.culex.domain.session.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What crosses a bridge, and what waits while the remote is away: a real local broker, a fake remote. */
class BridgeMessagesTest {

    @Test
    void outMessagesWaitWhileTheRemoteIsDownAndGoInOrderWhenItIsBack() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(new TestBridgeSettings().topic("sensors/#", OUT, QoS.AT_LEAST_ONCE, "site/", "hq/"));
            fixture.remote.refuse("connection refused");
            LocalClient publisher = fixture.client("publisher");
            for (int i = 1; i <= 3; i++) {
                publisher.publish("site/sensors/t" + i, "m" + i, QoS.AT_LEAST_ONCE);
            }
            fixture.check();
            assertEquals(3, fixture.status().queued());

            fixture.timers.advance(10_000);
            FakeRemote.Link link = fixture.remote.accept();

            assertEquals(List.of("PUBLISH 1 hq/sensors/t1 q1 m1", "PUBLISH 2 hq/sensors/t2 q1 m2",
                    "PUBLISH 3 hq/sensors/t3 q1 m3"), link.publishes());
            assertEquals(3, fixture.status().messagesSent());
        }
    }

    @Test
    void unacknowledgedQos1IsSentAgainWithDupAfterAReconnect() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(new TestBridgeSettings().topic("a/#", OUT, QoS.AT_LEAST_ONCE, "", ""));
            FakeRemote.Link first = fixture.remote.accept();
            LocalClient publisher = fixture.client("publisher");
            publisher.publish("a/1", "m1", QoS.AT_LEAST_ONCE);
            publisher.publish("a/2", "m2", QoS.AT_LEAST_ONCE);
            first.listener.puback(1, 0);
            first.drop("connection reset");

            fixture.timers.advance(10_000);
            FakeRemote.Link second = fixture.remote.accept();

            assertEquals(List.of("PUBLISH 2 a/2 q1 m2 dup"), second.publishes());
            assertEquals(2, fixture.status().messagesSent(), "a retransmission is not counted");
        }
    }

    @Test
    void aPubrecdQos2FlowGetsItsPubrelAgainAfterAReconnect() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(new TestBridgeSettings().topic("a/#", OUT, QoS.EXACTLY_ONCE, "", ""));
            FakeRemote.Link first = fixture.remote.accept();
            LocalClient publisher = fixture.client("publisher");
            publisher.publish("a/1", "m1", QoS.EXACTLY_ONCE);
            publisher.publish("a/2", "m2", QoS.EXACTLY_ONCE);
            first.listener.pubrec(1, 0);
            assertEquals(List.of("PUBREL 1"), first.sent("PUBREL"));
            first.drop("connection reset");

            fixture.timers.advance(10_000);
            FakeRemote.Link second = fixture.remote.accept();

            assertEquals(List.of("PUBREL 1", "PUBLISH 2 a/2 q2 m2 dup"),
                    second.sent.stream().filter(line -> !line.startsWith("UNSUBSCRIBE")).toList());
            second.listener.pubcomp(1, 0);
            second.listener.pubrec(2, 0);
            second.listener.pubcomp(2, 0);
            fixture.check();
            assertEquals(0, fixture.status().queued());
        }
    }

    @Test
    void inMessagesArePublishedLocallyAndNotEchoedBack() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            LocalClient subscriber = fixture.client("subscriber");
            subscriber.subscribe("chat/#", QoS.EXACTLY_ONCE);
            fixture.start(new TestBridgeSettings().topic("chat/#", BOTH, QoS.EXACTLY_ONCE, "", ""));
            FakeRemote.Link link = fixture.remote.accept();

            link.publishFromRemote("chat/a", "hello", QoS.AT_LEAST_ONCE, 7, false);
            link.publishFromRemote("chat/b", "exactly", QoS.EXACTLY_ONCE, 8, false);
            link.listener.pubrel(8);

            assertEquals(List.of("chat/a hello", "chat/b exactly"), subscriber.received());
            assertTrue(link.sent.containsAll(List.of("PUBACK 7", "PUBREC 8", "PUBCOMP 8")), link.sent.toString());
            assertEquals(List.of(), link.publishes(), "No Local: what came in does not go back out");
            assertEquals(2, fixture.status().messagesReceived());
        }
    }

    @Test
    void theRemoteSubscriptionsCarryNoLocalAndOutOnlyTopicsAreUnsubscribed() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(new TestBridgeSettings().topic("cmd/#", IN, QoS.AT_LEAST_ONCE, "local/", "remote/")
                    .topic("tele/#", OUT, QoS.AT_MOST_ONCE, "", "up/"));
            FakeRemote.Link link = fixture.remote.accept();

            assertEquals(List.of("SUBSCRIBE 65535 [" + new RemoteSubscription("remote/cmd/#", QoS.AT_LEAST_ONCE,
                    true, true) + "]", "UNSUBSCRIBE 65534 [up/tele/#]"), link.sent);
        }
    }

    @Test
    void prefixesAreSwappedOnTheWayInAndUncarriedTopicsAreAcknowledgedAndDropped() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            LocalClient subscriber = fixture.client("subscriber");
            subscriber.subscribe("#", QoS.AT_LEAST_ONCE);
            fixture.start(new TestBridgeSettings().topic("cmd/#", IN, QoS.AT_LEAST_ONCE, "local/", "remote/"));
            FakeRemote.Link link = fixture.remote.accept();

            link.publishFromRemote("remote/cmd/reboot", "now", QoS.AT_LEAST_ONCE, 3, false);
            link.publishFromRemote("elsewhere/x", "no", QoS.AT_LEAST_ONCE, 4, false);

            assertEquals(List.of("local/cmd/reboot now"), subscriber.received());
            assertTrue(link.sent.containsAll(List.of("PUBACK 3", "PUBACK 4")), link.sent.toString());
        }
    }

    @Test
    void retainedFlagGoesOutOnlyWithOutgoingRetain() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            TestBridgeSettings settings = new TestBridgeSettings().topic("a/#", OUT, QoS.AT_MOST_ONCE, "", "");
            settings.outgoingRetain = false;
            fixture.start(settings);
            FakeRemote.Link link = fixture.remote.accept();

            fixture.client("publisher").publish("a/1", "r", QoS.AT_MOST_ONCE, true);

            assertEquals(List.of("PUBLISH 0 a/1 q0 r"), link.publishes());
        }
    }

    @Test
    void retainedMessagesKeepTheirFlagAcrossByDefault() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(new TestBridgeSettings().topic("a/#", OUT, QoS.AT_MOST_ONCE, "", ""));
            FakeRemote.Link link = fixture.remote.accept();

            fixture.client("publisher").publish("a/1", "r", QoS.AT_MOST_ONCE, true);

            assertEquals(List.of("PUBLISH 0 a/1 q0 r retain"), link.publishes());
        }
    }

    @Test
    void theRemotesReceiveMaximumBoundsWhatIsInFlight() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(new TestBridgeSettings().topic("a/#", OUT, QoS.AT_LEAST_ONCE, "", ""));
            FakeRemote.Link link = fixture.remote.accept(2);
            LocalClient publisher = fixture.client("publisher");
            for (int i = 1; i <= 4; i++) {
                publisher.publish("a/" + i, "m" + i, QoS.AT_LEAST_ONCE);
            }
            assertEquals(2, link.publishes().size());

            link.listener.puback(1, 0);

            assertEquals(3, link.publishes().size());
        }
    }

    @Test
    void theQueueBoundDropsAndCountsWhatDoesNotFit() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            TestBridgeSettings settings = new TestBridgeSettings().topic("a/#", OUT, QoS.AT_LEAST_ONCE, "", "");
            settings.maxQueuedMessages = 2;
            fixture.start(settings);
            fixture.remote.refuse("connection refused");
            LocalClient publisher = fixture.client("publisher");
            for (int i = 1; i <= 5; i++) {
                publisher.publish("a/" + i, "m" + i, QoS.AT_LEAST_ONCE);
            }
            fixture.check();

            assertEquals(2, fixture.status().queued());
            assertEquals(3, fixture.status().dropped());
            fixture.timers.advance(10_000);
            assertEquals(List.of("PUBLISH 1 a/1 q1 m1", "PUBLISH 2 a/2 q1 m2"),
                    fixture.remote.accept().publishes());
        }
    }

    @Test
    void theBridgeQueueBoundLeavesOtherSessionsWithTheBrokersLimits() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            TestBridgeSettings settings = new TestBridgeSettings().topic("a/#", OUT, QoS.AT_LEAST_ONCE, "", "");
            settings.maxQueuedMessages = 1;
            fixture.start(settings);
            fixture.remote.refuse("connection refused");
            LocalClient other = new LocalClient(fixture.broker, "other", false);
            other.subscribe("a/#", QoS.AT_LEAST_ONCE);
            other.lose();
            LocalClient publisher = fixture.client("publisher");
            for (int i = 1; i <= 3; i++) {
                publisher.publish("a/" + i, "m" + i, QoS.AT_LEAST_ONCE);
            }
            fixture.check();

            assertEquals(1, fixture.status().queued());
            assertEquals(3, fixture.broker.session("other").orElseThrow().query(Session::pendingCount).join());
        }
    }

    @Test
    void anMqtt5RemotesMaximumQosAndMissingRetainAreRespected() {
        try (BridgeFixture fixture = new BridgeFixture()) {
            fixture.start(new TestBridgeSettings().topic("a/#", OUT, QoS.EXACTLY_ONCE, "", ""));
            FakeRemote.Link link = fixture.remote.accept(new RemoteConnack(false, 65_535, 0, QoS.AT_LEAST_ONCE, false));

            fixture.client("publisher").publish("a/1", "m", QoS.EXACTLY_ONCE, true);

            assertEquals(List.of("PUBLISH 1 a/1 q1 m"), link.publishes());
        }
    }
}
