package io.culex.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.topic.Subscription;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session tells its journal every change of durable state, in order; QoS 0 is not journaled. */
class SessionJournalTest {

    private final List<String> events = new ArrayList<>();
    private final RecordingTransmitter out = new RecordingTransmitter();

    private final SessionJournal journal = new SessionJournal() {
        @Override public void subscribed(Subscription s) { events.add("subscribed " + s.filter()); }
        @Override public void unsubscribed(String filter) { events.add("unsubscribed " + filter); }
        @Override public void enqueued(long seq, Delivery d) { events.add("enqueued " + seq + " " + d.message().topic()); }
        @Override public void dequeued(long seq) { events.add("dequeued " + seq); }
        @Override public void flightStarted(int id, Delivery d) { events.add("flight " + id + " " + d.message().topic()); }
        @Override public void dequeuedIntoFlight(long seq, int id, Delivery d) {
            events.add("dequeued " + seq + " into flight " + id + " " + d.message().topic());
        }
        @Override public void flightReleased(int id, Runnable sendPubrel) { events.add("released " + id); sendPubrel.run(); }
        @Override public void flightEnded(int id) { events.add("ended " + id); }
        @Override public void inboundQos2Received(int id) { events.add("qos2 in " + id); }
        @Override public void inboundQos2Released(int id, Runnable sendPubcomp) {
            events.add("qos2 released " + id);
            sendPubcomp.run();
        }
    };

    private static Delivery live(String topic, QoS qos) {
        return Delivery.live(new Message(topic, "x".getBytes(StandardCharsets.UTF_8), qos, false), qos);
    }

    @Test
    void everyDurableChangeIsJournaledInOrder() {
        Session session = new Session("c1", 60, new SessionLimits(1, 100, Long.MAX_VALUE, true), () -> 0L);
        session.journal(journal);
        session.subscribe(Subscription.of("a/#", QoS.EXACTLY_ONCE));
        session.offer(live("offline-q1", QoS.AT_LEAST_ONCE), out);
        session.offer(live("offline-q0", QoS.AT_MOST_ONCE), out);
        session.resume(out);
        session.acknowledgePuback(1, out);
        session.offer(live("q2", QoS.EXACTLY_ONCE), out);
        session.acknowledgePubrec(2, out);
        session.acknowledgePubrec(2, out);
        session.acknowledgePubcomp(2, out);
        session.receiveQos2(7);
        session.receiveQos2(7);
        session.release(7, () -> events.add("PUBCOMP 7"));
        session.unsubscribe("a/#");
        session.unsubscribe("a/#");

        assertEquals(List.of("subscribed a/#", "enqueued 1 offline-q1", "dequeued 1 into flight 1 offline-q1",
                "ended 1", "flight 2 q2", "released 2", "ended 2", "qos2 in 7", "qos2 released 7", "PUBCOMP 7",
                "unsubscribed a/#"), events);
    }

    @Test
    void restoredStateIsNotJournaledAgainAndSequencesContinue() {
        Session session = new Session("c1", 60, new SessionLimits(1, 100, Long.MAX_VALUE, true), () -> 0L);
        session.journal(journal);
        session.restoreSubscription(Subscription.of("t", QoS.AT_LEAST_ONCE));
        session.restoreFlight(5, live("flying", QoS.AT_LEAST_ONCE), false);
        session.restoreQueued(41, live("queued", QoS.AT_LEAST_ONCE));
        session.restoreInboundQos2(3);
        assertEquals(List.of(), events);

        session.offer(live("new", QoS.AT_LEAST_ONCE), out);
        session.resume(out);
        assertEquals(List.of("PUBLISH 5 flying q1 dup"), out.takeAll());
        assertEquals(List.of("enqueued 42 new"), events);
        assertEquals(false, session.receiveQos2(3), "a re-sent QoS 2 PUBLISH is still recognised");
    }

    @Test
    void pubrelGoesOutWhenTheJournalSaysTheReleaseIsDurable() {
        List<Runnable> held = new ArrayList<>();
        Session session = new Session("c1", 60, new SessionLimits(1, 100, Long.MAX_VALUE, true), () -> 0L);
        session.journal(new SessionJournal() {
            @Override public void flightReleased(int id, Runnable sendPubrel) { held.add(sendPubrel); }
        });
        session.resume(out);
        session.offer(live("q2", QoS.EXACTLY_ONCE), out);
        out.takeAll();

        session.acknowledgePubrec(1, out);
        assertEquals(List.of(), out.takeAll(), "no PUBREL while the release is being written");
        held.forEach(Runnable::run);
        assertEquals(List.of("PUBREL 1"), out.takeAll());
    }

    @Test
    void pubcompGoesOutWhenTheJournalSaysTheInboundReleaseIsDurable() {
        List<Runnable> held = new ArrayList<>();
        Session session = new Session("c1", 60, new SessionLimits(1, 100, Long.MAX_VALUE, true), () -> 0L);
        session.journal(new SessionJournal() {
            @Override public void inboundQos2Released(int id, Runnable sendPubcomp) { held.add(sendPubcomp); }
        });
        List<String> answers = new ArrayList<>();
        session.receiveQos2(4);

        assertEquals(true, session.release(4, () -> answers.add("PUBCOMP 4")));
        assertEquals(List.of(), answers, "no PUBCOMP while the release is being written");
        held.forEach(Runnable::run);
        assertEquals(List.of("PUBCOMP 4"), answers);
        assertEquals(false, session.release(4, () -> answers.add("again")), "an unknown id runs no answer");
        assertEquals(List.of("PUBCOMP 4"), answers);
    }

    @Test
    void aQueuedMessageGoingIntoFlightIsOneJournalChange() {
        Session session = new Session("c1", 60, new SessionLimits(1, 100, Long.MAX_VALUE, true), () -> 0L);
        session.journal(journal);
        session.offer(live("first", QoS.EXACTLY_ONCE), out);
        session.offer(live("second", QoS.EXACTLY_ONCE), out);
        session.resume(out);
        session.acknowledgePubrec(1, out);
        session.acknowledgePubcomp(1, out);

        assertEquals(List.of("enqueued 1 first", "enqueued 2 second", "dequeued 1 into flight 1 first",
                "released 1", "ended 1", "dequeued 2 into flight 2 second"), events);
    }
}
