package io.culex.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A journaled session keeps only a window of its queue in memory; the rest is read back from the store in order. */
class SessionBacklogTest {

    /** A store as the journal leaves it: what was enqueued and not dequeued, by sequence. */
    private static final class FakeStore implements SessionJournal, QueueSource {
        final TreeMap<Long, Delivery> queue = new TreeMap<>();
        int reads;

        @Override public void enqueued(long sequence, Delivery delivery) { queue.put(sequence, delivery); }
        @Override public void dequeued(long sequence) { queue.remove(sequence); }

        @Override
        public List<Queued> read(long afterSequence, int limit) {
            reads++;
            List<Queued> page = new ArrayList<>();
            for (Map.Entry<Long, Delivery> e : queue.tailMap(afterSequence, false).entrySet()) {
                if (page.size() == limit) {
                    break;
                }
                page.add(new Queued(e.getKey(), e.getValue()));
            }
            return page;
        }
    }

    private final FakeStore store = new FakeStore();
    private final RecordingTransmitter out = new RecordingTransmitter();

    private static Delivery live(String topic, QoS qos) {
        return Delivery.live(new Message(topic, "0123456789".getBytes(StandardCharsets.UTF_8), qos, false), qos);
    }

    private Session session(int maxInflight, int maxQueued, int window) {
        Session session = new Session("c", 60, new SessionLimits(maxInflight, maxQueued, Long.MAX_VALUE, true), () -> 0L);
        session.journal(store, store, window);
        return session;
    }

    /** Acknowledges every QoS 1 PUBLISH sent until nothing more comes; returns the topics in send order. */
    private List<String> drain(Session session, int window) {
        List<String> topics = new ArrayList<>();
        while (!out.sent.isEmpty()) {
            for (String line : out.takeAll()) {
                String[] parts = line.split(" ");
                topics.add(parts[2]);
                assertTrue(session.pendingInMemory() <= window, "memory stays within the window");
                if (!parts[1].equals("0")) {
                    session.acknowledgePuback(Integer.parseInt(parts[1]), out);
                }
            }
        }
        return topics;
    }

    private static List<String> topics(int from, int to) {
        List<String> topics = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            topics.add("t/" + i);
        }
        return topics;
    }

    @Test
    void anOfflineBacklogKeepsOnlyTheWindowInMemoryAndDrainsInOrder() {
        Session session = session(2, 1000, 3);
        for (int i = 1; i <= 10; i++) {
            assertEquals(DeliveryOutcome.QUEUED, session.offer(live("t/" + i, QoS.AT_LEAST_ONCE), out));
        }
        assertEquals(3, session.pendingInMemory());
        assertEquals(7, session.pendingOnDisk());
        assertEquals(10, session.pendingCount(), "the count includes what is on disk only");
        assertEquals(9 * 13 + 14, session.pendingBytes(), "so do the bytes (topic + payload)");
        assertEquals(3, session.pendingSnapshot().size());

        session.resume(out);

        assertEquals(topics(1, 10), drain(session, 3));
        assertEquals(0, session.pendingCount());
        assertEquals(0, session.pendingBytes());
        assertTrue(store.queue.isEmpty(), "everything was dequeued in the store");
        assertTrue(store.reads >= 3, "the disk part was read back page by page");
    }

    @Test
    void messagesArrivingWhileTheBacklogIsOnDiskDoNotOvertakeIt() {
        Session session = session(1, 1000, 2);
        for (int i = 1; i <= 5; i++) {
            session.offer(live("t/" + i, QoS.AT_LEAST_ONCE), out);
        }
        session.resume(out);
        List<String> topics = new ArrayList<>();
        int next = 6;
        while (!out.sent.isEmpty()) {
            for (String line : out.takeAll()) {
                String[] parts = line.split(" ");
                topics.add(parts[2]);
                if (next <= 12) {
                    // new messages come while older ones are only on disk, or only in the window
                    assertEquals(DeliveryOutcome.QUEUED, session.offer(live("t/" + next++, QoS.AT_LEAST_ONCE), out));
                }
                assertTrue(session.pendingInMemory() <= 2);
                session.acknowledgePuback(Integer.parseInt(parts[1]), out);
            }
        }
        assertEquals(topics(1, 12), topics);
        assertEquals(0, session.pendingCount());
    }

    @Test
    void theLimitsCountMessagesInMemoryAndOnDisk() {
        Session session = new Session("c", 60, new SessionLimits(1, 5, 65, true), () -> 0L);
        session.journal(store, store, 2);
        for (int i = 1; i <= 8; i++) {
            session.offer(live("t/" + i, QoS.AT_LEAST_ONCE), out);
        }
        assertEquals(5, session.pendingCount(), "max_queued_messages counts the disk part");
        assertEquals(3, session.droppedCount());
        assertEquals(5, store.queue.size());

        Session bytesLimited = new Session("d", 60, new SessionLimits(1, 100, 35, true), () -> 0L);
        FakeStore other = new FakeStore();
        bytesLimited.journal(other, other, 1);
        for (int i = 1; i <= 4; i++) {
            bytesLimited.offer(live("t/" + i, QoS.AT_LEAST_ONCE), out);
        }
        assertEquals(2, bytesLimited.pendingCount(), "max_queued_bytes counts the disk part (13 bytes each)");
        assertEquals(26, bytesLimited.pendingBytes());
        assertEquals(2, bytesLimited.droppedCount());
    }

    @Test
    void qos0IsQueuedOnlyWhileTheWholeQueueIsInMemory() {
        Session session = session(1, 1000, 2);
        assertEquals(DeliveryOutcome.QUEUED, session.offer(live("t/1", QoS.AT_MOST_ONCE), out));
        assertEquals(DeliveryOutcome.QUEUED, session.offer(live("t/2", QoS.AT_LEAST_ONCE), out));
        assertEquals(DeliveryOutcome.QUEUED, session.offer(live("t/3", QoS.AT_LEAST_ONCE), out));
        assertEquals(DeliveryOutcome.DROPPED, session.offer(live("t/4", QoS.AT_MOST_ONCE), out),
                "spilled: a QoS 0 message has no copy on disk, so it is dropped");
        assertEquals(1, session.droppedCount());
        assertEquals(3, session.pendingCount());

        session.resume(out);
        assertEquals(List.of("t/1", "t/2", "t/3"), drain(session, 2));
        assertEquals(DeliveryOutcome.SENT, session.offer(live("t/5", QoS.AT_MOST_ONCE), out));
    }

    @Test
    void aRestoredQueueKeepsTheRestOnDisk() {
        Session session = new Session("c", 60, new SessionLimits(3, 1000, Long.MAX_VALUE, false), () -> 0L);
        for (long seq = 1; seq <= 9; seq++) {
            store.queue.put(seq, live("t/" + seq, QoS.AT_LEAST_ONCE));
        }
        session.restoreQueued(1, store.queue.get(1L));
        session.restoreQueued(2, store.queue.get(2L));
        session.restoreSpilledQueue(7, 91, 9);
        session.journal(store, store, 2);
        assertEquals(9, session.pendingCount());
        assertEquals(117, session.pendingBytes());

        session.offer(live("t/10", QoS.AT_LEAST_ONCE), out);
        assertEquals(10, store.queue.lastKey(), "sequences continue after the highest one on disk");

        session.resume(out);
        assertEquals(topics(1, 10), drain(session, 3));
    }

    @Test
    void entriesThatNeverReachedTheStoreAreGivenUpWithoutStallingTheQueue() {
        Session session = session(5, 1000, 2);
        for (int i = 1; i <= 6; i++) {
            session.offer(live("t/" + i, QoS.AT_LEAST_ONCE), out);
        }
        store.queue.remove(5L); // a failed write: the publisher of t/5 and t/6 was never acknowledged
        store.queue.remove(6L);
        session.resume(out);
        assertEquals(topics(1, 4), drain(session, 2));
        assertEquals(0, session.pendingCount());
        assertEquals(2, session.droppedCount());
        assertEquals(DeliveryOutcome.SENT, session.offer(live("t/7", QoS.AT_LEAST_ONCE), out));
    }

    @Test
    void sharedDeliveriesAreTakenFromTheWindowOnly() {
        Session session = session(1, 1000, 2);
        for (int i = 1; i <= 4; i++) {
            Delivery plain = live("t/" + i, QoS.AT_LEAST_ONCE);
            session.offer(new Delivery(plain.message(), plain.qos(), false, List.of(), "$share/g/t/#"), out);
        }
        List<Delivery> taken = session.takeSharedDeliveries(false);
        assertEquals(List.of("t/1", "t/2"), taken.stream().map(d -> d.message().topic()).toList());
        assertEquals(2, session.pendingCount(), "the disk part stays queued here");
        session.resume(out);
        assertEquals(List.of("t/3", "t/4"), drain(session, 2));
    }

    @Test
    void withoutASourceTheWholeQueueStaysInMemory() {
        Session session = new Session("c", 60, new SessionLimits(1, 1000, Long.MAX_VALUE, true), () -> 0L);
        for (int i = 1; i <= 50; i++) {
            session.offer(live("t/" + i, QoS.AT_LEAST_ONCE), out);
        }
        assertEquals(50, session.pendingInMemory());
        assertEquals(0, session.pendingOnDisk());
    }
}
