package io.culex.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.Message;
import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The MQTT 5 rules of the session: receive maximum, message expiry, maximum packet size, shared deliveries. */
class SessionMqtt5Test {

    private final RecordingTransmitter out = new RecordingTransmitter();
    private final AtomicLong now = new AtomicLong(1_000);

    private Session session(long expirySeconds) {
        return new Session("c1", expirySeconds, new SessionLimits(20, 1000, Long.MAX_VALUE, true), now::get);
    }

    private Delivery delivery(String topic, QoS qos, long expiresAt, String sharedFilter) {
        Message message = new Message(topic, "x".getBytes(StandardCharsets.UTF_8), qos, false,
                MessageProperties.NONE, expiresAt, "publisher");
        return new Delivery(message, qos, false, List.of(), sharedFilter);
    }

    private Delivery delivery(String topic, QoS qos) {
        return delivery(topic, qos, Message.NEVER, null);
    }

    @Test
    void neverMoreFlightsThanTheClientsReceiveMaximum() {
        Session session = session(Session.NEVER_EXPIRES);
        session.resume(out, 2);
        for (int i = 0; i < 4; i++) {
            session.offer(delivery("t" + i, QoS.AT_LEAST_ONCE), out);
        }
        assertEquals(List.of("PUBLISH 1 t0 q1", "PUBLISH 2 t1 q1"), out.takeAll());
        assertEquals(2, session.pendingCount());
        session.acknowledgePuback(1, out);
        assertEquals(List.of("PUBLISH 3 t2 q1"), out.takeAll());
    }

    @Test
    void aResumedSessionResendsNoMoreThanTheNewReceiveMaximum() {
        Session session = session(Session.NEVER_EXPIRES);
        session.resume(out);
        for (int i = 0; i < 4; i++) {
            session.offer(delivery("t" + i, QoS.AT_LEAST_ONCE), out);
        }
        session.offer(delivery("queued", QoS.AT_LEAST_ONCE), out);
        session.suspend();
        out.takeAll();

        session.resume(out, 2);
        assertEquals(List.of("PUBLISH 1 t0 q1 dup", "PUBLISH 2 t1 q1 dup"), out.takeAll());
        session.acknowledgePuback(1, out);
        assertEquals(List.of("PUBLISH 3 t2 q1 dup"), out.takeAll(), "the next re-send, same id, before new ones");
        session.acknowledgePuback(2, out);
        session.acknowledgePuback(3, out);
        assertEquals(List.of("PUBLISH 4 t3 q1 dup", "PUBLISH 5 queued q1 dup"), out.takeAll());
    }

    @Test
    void aReleasedQos2FlowHoldsItsSlotOnResume() {
        Session session = session(Session.NEVER_EXPIRES);
        session.resume(out);
        session.offer(delivery("q2", QoS.EXACTLY_ONCE), out);
        session.offer(delivery("q1", QoS.AT_LEAST_ONCE), out);
        session.acknowledgePubrec(1, out);
        session.suspend();
        out.takeAll();

        session.resume(out, 1);
        assertEquals(List.of("PUBREL 1"), out.takeAll());
        session.acknowledgePubcomp(1, out);
        assertEquals(List.of("PUBLISH 2 q1 q1 dup"), out.takeAll());
    }

    @Test
    void brokerLimitWinsOverALargerReceiveMaximum() {
        Session session = new Session("c1", 0, new SessionLimits(1, 1000, Long.MAX_VALUE, false), now::get);
        session.resume(out, 65_535);
        session.offer(delivery("a", QoS.AT_LEAST_ONCE), out);
        session.offer(delivery("b", QoS.AT_LEAST_ONCE), out);
        assertEquals(List.of("PUBLISH 1 a q1"), out.takeAll());
    }

    @Test
    void expiredQueuedMessagesAreDroppedNotSent() {
        Session session = session(Session.NEVER_EXPIRES);
        session.offer(delivery("soon", QoS.AT_LEAST_ONCE, 2_000, null), out);
        session.offer(delivery("later", QoS.AT_LEAST_ONCE, 9_000, null), out);
        session.offer(delivery("never", QoS.AT_MOST_ONCE), out);
        now.set(5_000);
        session.resume(out);
        assertEquals(List.of("PUBLISH 1 later q1", "PUBLISH 0 never q0"), out.takeAll());
        assertEquals(1, session.expiredCount());
    }

    @Test
    void anExpiredMessageOfferedLiveIsDropped() {
        Session session = session(0);
        session.resume(out);
        assertEquals(DeliveryOutcome.DROPPED, session.offer(delivery("old", QoS.AT_LEAST_ONCE, 500, null), out));
        assertTrue(out.takeAll().isEmpty());
    }

    @Test
    void messagesTooBigForTheClientAreDroppedAndStartNoFlight() {
        Session session = session(0);
        session.resume(out);
        out.maxPayload = 0;
        assertEquals(DeliveryOutcome.TOO_LARGE, session.offer(delivery("big", QoS.AT_LEAST_ONCE), out));
        assertEquals(DeliveryOutcome.TOO_LARGE, session.offer(delivery("big", QoS.AT_MOST_ONCE), out));
        assertTrue(session.inflight().isEmpty());
        assertEquals(2, session.oversizeCount());
        out.maxPayload = Integer.MAX_VALUE;
        assertEquals(DeliveryOutcome.SENT, session.offer(delivery("fits", QoS.AT_LEAST_ONCE), out));
    }

    @Test
    void persistenceFollowsTheExpiryInterval() {
        Session session = session(0);
        assertFalse(session.isPersistent());
        session.expiryIntervalSeconds(60);
        assertTrue(session.isPersistent());
        assertEquals(60, session.expiryIntervalSeconds());
    }

    @Test
    void sharedDeliveriesAreTakenBackButQos2FlightsStayUnlessAsked() {
        Session session = new Session("c1", 0, new SessionLimits(2, 1000, Long.MAX_VALUE, true), now::get);
        session.resume(out);
        session.offer(delivery("q1-sent", QoS.AT_LEAST_ONCE, Message.NEVER, "$share/g/#"), out);
        session.offer(delivery("q2-sent", QoS.EXACTLY_ONCE, Message.NEVER, "$share/g/#"), out);
        session.offer(delivery("q1-queued", QoS.AT_LEAST_ONCE, Message.NEVER, "$share/g/#"), out);
        session.offer(delivery("own-queued", QoS.AT_LEAST_ONCE), out);
        session.suspend();

        List<Delivery> taken = session.takeSharedDeliveries(false);
        assertEquals(List.of("q1-sent", "q1-queued"), taken.stream().map(d -> d.message().topic()).toList());
        assertEquals(1, session.inflight().size(), "the QoS 2 flight stays");
        assertEquals(1, session.pendingCount(), "the non-shared message stays");
        assertEquals(List.of("q2-sent"), session.takeSharedDeliveries(true).stream()
                .map(d -> d.message().topic()).toList());
    }

    @Test
    void aResentFlightTooBigForTheNewConnectionIsDropped() {
        Session session = session(Session.NEVER_EXPIRES);
        session.resume(out);
        session.offer(delivery("a", QoS.AT_LEAST_ONCE), out);
        session.suspend();
        out.takeAll();
        out.maxPayload = 0;
        session.resume(out);
        assertTrue(session.inflight().isEmpty());
        assertEquals(1, session.oversizeCount());
    }
}
