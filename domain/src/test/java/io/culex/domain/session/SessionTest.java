package io.culex.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.topic.Subscription;
import io.culex.domain.session.OutboundFlight.FlightState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTest {

    private final RecordingTransmitter out = new RecordingTransmitter();

    private static Delivery live(String topic, QoS qos) {
        return Delivery.live(new Message(topic, "x".getBytes(StandardCharsets.UTF_8), qos, false), qos);
    }

    private static Session onlineSession(SessionLimits limits, RecordingTransmitter out) {
        Session session = new Session("c1", true, limits);
        session.resume(out);
        return session;
    }

    @Test
    void qos0IsSentWithoutPacketIdAndNeedsNoAck() {
        Session session = onlineSession(SessionLimits.defaults(), out);
        assertEquals(DeliveryOutcome.SENT, session.offer(live("a", QoS.AT_MOST_ONCE), out));
        assertEquals(List.of("PUBLISH 0 a q0"), out.takeAll());
        assertTrue(session.inflight().isEmpty());
    }

    @Test
    void qos0WaitsInTheBoundedQueueWhileTheConnectionIsNotReadyAndKeepsItsOrder() {
        Session session = onlineSession(new SessionLimits(20, 4, Long.MAX_VALUE, false), out);
        out.ready = false;
        assertEquals(DeliveryOutcome.QUEUED, session.offer(live("a", QoS.AT_MOST_ONCE), out));
        assertEquals(DeliveryOutcome.QUEUED, session.offer(live("b", QoS.AT_MOST_ONCE), out));
        out.ready = true;
        assertEquals(DeliveryOutcome.QUEUED, session.offer(live("c", QoS.AT_MOST_ONCE), out), "not before a and b");
        out.ready = false;
        assertEquals(DeliveryOutcome.QUEUED, session.offer(live("d", QoS.AT_MOST_ONCE), out));
        assertEquals(DeliveryOutcome.DROPPED, session.offer(live("e", QoS.AT_MOST_ONCE), out), "max_queued_messages 4");
        session.fillWindow(out);
        assertEquals(List.of(), out.takeAll(), "still not ready");

        out.ready = true;
        session.fillWindow(out);

        assertEquals(List.of("PUBLISH 0 a q0", "PUBLISH 0 b q0", "PUBLISH 0 c q0", "PUBLISH 0 d q0"), out.takeAll());
        assertEquals(1, session.droppedCount());
        assertEquals(DeliveryOutcome.SENT, session.offer(live("f", QoS.AT_MOST_ONCE), out));
    }

    @Test
    void qos1FlightEndsWithPuback() {
        Session session = onlineSession(SessionLimits.defaults(), out);
        session.offer(live("a", QoS.AT_LEAST_ONCE), out);
        assertEquals(List.of("PUBLISH 1 a q1"), out.takeAll());
        assertEquals(FlightState.AWAITING_PUBACK, session.inflight().get(0).state());

        assertFalse(session.acknowledgePubcomp(1, out), "PUBCOMP does not end a QoS 1 flight");
        assertTrue(session.acknowledgePuback(1, out));
        assertTrue(session.inflight().isEmpty());
        assertFalse(session.acknowledgePuback(1, out), "a second PUBACK is unknown");
    }

    @Test
    void qos2FlightGoesThroughPubrecPubrelPubcomp() {
        Session session = onlineSession(SessionLimits.defaults(), out);
        session.offer(live("a", QoS.EXACTLY_ONCE), out);
        assertEquals(List.of("PUBLISH 1 a q2"), out.takeAll());
        assertEquals(FlightState.AWAITING_PUBREC, session.inflight().get(0).state());

        assertFalse(session.acknowledgePuback(1, out), "PUBACK does not answer a QoS 2 PUBLISH");
        assertFalse(session.acknowledgePubcomp(1, out), "PUBCOMP before PUBREC is out of order");
        assertTrue(session.acknowledgePubrec(1, out));
        assertEquals(List.of("PUBREL 1"), out.takeAll());
        assertEquals(FlightState.AWAITING_PUBCOMP, session.inflight().get(0).state());

        assertTrue(session.acknowledgePubrec(1, out), "a repeated PUBREC gets PUBREL again");
        assertEquals(List.of("PUBREL 1"), out.takeAll());
        assertTrue(session.acknowledgePubcomp(1, out));
        assertTrue(session.inflight().isEmpty());
    }

    @Test
    void windowLimitsInflightAndQueueDrainsInOrderOnAck() {
        Session session = onlineSession(new SessionLimits(2, 100, Long.MAX_VALUE, false), out);
        for (String topic : List.of("m1", "m2", "m3", "m4")) {
            session.offer(live(topic, QoS.AT_LEAST_ONCE), out);
        }
        assertEquals(List.of("PUBLISH 1 m1 q1", "PUBLISH 2 m2 q1"), out.takeAll());
        assertEquals(2, session.pendingCount());

        session.acknowledgePuback(2, out);
        assertEquals(List.of("PUBLISH 3 m3 q1"), out.takeAll());
        session.acknowledgePuback(1, out);
        assertEquals(List.of("PUBLISH 4 m4 q1"), out.takeAll());
        assertEquals(0, session.pendingCount());
    }

    @Test
    void qos0BypassesAFullWindowWhileOnline() {
        Session session = onlineSession(new SessionLimits(1, 100, Long.MAX_VALUE, false), out);
        session.offer(live("q1", QoS.AT_LEAST_ONCE), out);
        session.offer(live("q0", QoS.AT_MOST_ONCE), out);
        assertEquals(List.of("PUBLISH 1 q1 q1", "PUBLISH 0 q0 q0"), out.takeAll());
    }

    @Test
    void offlineSessionQueuesQos1And2ButDropsQos0ByDefault() {
        Session session = new Session("c1", true, SessionLimits.defaults());
        assertEquals(DeliveryOutcome.QUEUED, session.offer(live("a", QoS.AT_LEAST_ONCE), out));
        assertEquals(DeliveryOutcome.QUEUED, session.offer(live("b", QoS.EXACTLY_ONCE), out));
        assertEquals(DeliveryOutcome.DROPPED, session.offer(live("c", QoS.AT_MOST_ONCE), out));
        assertTrue(out.sent.isEmpty());

        session.resume(out);
        assertEquals(List.of("PUBLISH 1 a q1", "PUBLISH 2 b q2"), out.takeAll());
    }

    @Test
    void queueQos0OptionKeepsQos0ForOfflineClients() {
        Session session = new Session("c1", true, new SessionLimits(20, 10, Long.MAX_VALUE, true));
        assertEquals(DeliveryOutcome.QUEUED, session.offer(live("c", QoS.AT_MOST_ONCE), out));
        session.resume(out);
        assertEquals(List.of("PUBLISH 0 c q0"), out.takeAll());
    }

    @Test
    void queueLimitDropsAndCountsNewMessages() {
        Session session = new Session("c1", true, new SessionLimits(20, 3, Long.MAX_VALUE, false));
        for (int i = 0; i < 5; i++) {
            session.offer(live("t" + i, QoS.AT_LEAST_ONCE), out);
        }
        assertEquals(3, session.pendingCount());
        assertEquals(2, session.droppedCount());
        session.resume(out);
        assertEquals(List.of("PUBLISH 1 t0 q1", "PUBLISH 2 t1 q1", "PUBLISH 3 t2 q1"), out.takeAll(),
                "the oldest messages are kept, the newest dropped (as Mosquitto)");
    }

    @Test
    void queueByteLimitDropsMessagesThatDoNotFit() {
        Delivery sample = live("t0", QoS.AT_LEAST_ONCE);
        Session session = new Session("c1", true, new SessionLimits(20, 100, 2L * sample.sizeInBytes(), false));
        for (int i = 0; i < 3; i++) {
            session.offer(live("t" + i, QoS.AT_LEAST_ONCE), out);
        }
        assertEquals(2, session.pendingCount());
        assertEquals(2L * sample.sizeInBytes(), session.pendingBytes());
        assertEquals(1, session.droppedCount());
    }

    @Test
    void retainedOnSubscribeIsQueuedBeyondWindowAndQueueLimits() {
        Session session = onlineSession(new SessionLimits(1, 1, Long.MAX_VALUE, false), out);
        for (int i = 0; i < 5; i++) {
            Message retained = new Message("r" + i, new byte[] {1}, QoS.AT_LEAST_ONCE, true);
            assertTrue(session.offerRetained(Delivery.retainedOnSubscribe(retained, QoS.AT_LEAST_ONCE), out)
                    != DeliveryOutcome.DROPPED);
        }
        assertEquals(List.of("PUBLISH 1 r0 q1 retain"), out.takeAll());
        for (int id = 1; id <= 4; id++) {
            session.acknowledgePuback(session.inflight().get(0).packetId(), out);
        }
        assertEquals(List.of("PUBLISH 2 r1 q1 retain", "PUBLISH 3 r2 q1 retain", "PUBLISH 4 r3 q1 retain",
                "PUBLISH 5 r4 q1 retain"), out.takeAll());
        assertEquals(0, session.droppedCount());
    }

    @Test
    void resumeResendsUnackedPublishesInOrderWithDupAndPubrelForPubrecd() {
        Session session = onlineSession(new SessionLimits(3, 100, Long.MAX_VALUE, false), out);
        session.offer(live("a", QoS.AT_LEAST_ONCE), out);
        session.offer(live("b", QoS.EXACTLY_ONCE), out);
        session.offer(live("c", QoS.EXACTLY_ONCE), out);
        session.offer(live("d", QoS.AT_LEAST_ONCE), out);
        session.acknowledgePubrec(2, out);
        out.takeAll();

        session.suspend();
        assertEquals(DeliveryOutcome.QUEUED, session.offer(live("e", QoS.AT_LEAST_ONCE), out));
        session.resume(out);

        assertEquals(List.of("PUBLISH 1 a q1 dup", "PUBREL 2", "PUBLISH 3 c q2 dup"), out.takeAll().subList(0, 3));
        assertEquals(2, session.pendingCount(), "window still full: d and e wait");
        session.acknowledgePuback(1, out);
        assertEquals(List.of("PUBLISH 4 d q1"), out.takeAll());
    }

    @Test
    void inboundQos2IsDeliveredOnceUntilReleased() {
        Session session = new Session("c1", true, SessionLimits.defaults());
        assertTrue(session.receiveQos2(7));
        assertFalse(session.receiveQos2(7), "re-sent PUBLISH before PUBREL is a duplicate");
        assertTrue(session.release(7, () -> { }));
        assertFalse(session.release(7, () -> { }));
        assertTrue(session.receiveQos2(7), "after PUBREL the id starts a new message");
    }

    @Test
    void subscriptionsAreReplacedAndRemoved() {
        Session session = new Session("c1", true, SessionLimits.defaults());
        assertEquals(null, session.subscribe(Subscription.of("a/#", QoS.AT_LEAST_ONCE)));
        assertEquals(QoS.AT_LEAST_ONCE, session.subscribe(Subscription.of("a/#", QoS.EXACTLY_ONCE)).maxQos());
        assertEquals(QoS.EXACTLY_ONCE, session.subscriptions().get("a/#").maxQos());
        assertTrue(session.unsubscribe("a/#"));
        assertFalse(session.unsubscribe("a/#"));
    }

    @Test
    void deliveryQosIsTheMinimumOfPublishedAndGranted() {
        Message qos2 = new Message("t", new byte[0], QoS.EXACTLY_ONCE, false);
        assertEquals(QoS.AT_LEAST_ONCE, Delivery.live(qos2, QoS.AT_LEAST_ONCE).qos());
        Message qos0 = new Message("t", new byte[0], QoS.AT_MOST_ONCE, false);
        assertEquals(QoS.AT_MOST_ONCE, Delivery.live(qos0, QoS.EXACTLY_ONCE).qos());
        assertFalse(Delivery.live(qos2, QoS.EXACTLY_ONCE).retainFlag());
        assertTrue(Delivery.retainedOnSubscribe(qos2, QoS.EXACTLY_ONCE).retainFlag());
    }
}
