package io.culex.domain.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Smoke test: readers match while a writer churns subscriptions on the same paths. Bounded by
 * iteration counts, not time. Readers must never crash, never report a filter that does not
 * match, never report a (subscriber, filter) twice, and always see the subscriptions nobody touches.
 */
class SubscriptionIndexConcurrencyTest {

    private static final int READERS = 4;
    private static final int WRITER_ROUNDS = 20_000;
    private static final int MIN_READS_PER_READER = 2_000;
    private static final String TOPIC = "sensors/kitchen/temp";
    private static final List<String> CHURNED_FILTERS = List.of(
            "sensors/kitchen/temp", "sensors/+/temp", "sensors/#", "+/kitchen/+", "#",
            "sensors/kitchen/temp/#", "sensors/kitchen", "sensors/kitchen/humidity", "other/#");

    @Test
    void readersRacingAWriterSeeConsistentResults() throws InterruptedException {
        SubscriptionIndex<String, Integer> index = new SubscriptionIndex<>();
        index.subscribe("sensors/+/temp", "stable", 1);
        index.subscribe("sensors/kitchen/temp", "stable", 2);

        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean writerDone = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();

        threads.add(new Thread(guarded(failures, start, () -> {
            try {
                for (int round = 0; round < WRITER_ROUNDS; round++) {
                    String filter = CHURNED_FILTERS.get(round % CHURNED_FILTERS.size());
                    String subscriber = "churn" + (round % 3);
                    if (round % 2 == 0) {
                        index.subscribe(filter, subscriber, round);
                    } else {
                        index.unsubscribe(filter, subscriber);
                    }
                }
            } finally {
                writerDone.set(true);
            }
        }), "writer"));
        for (int r = 0; r < READERS; r++) {
            threads.add(new Thread(guarded(failures, start, () -> {
                for (int reads = 0; reads < MIN_READS_PER_READER || !writerDone.get(); reads++) {
                    checkOneMatch(index);
                }
            }), "reader-" + r));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
        for (String filter : CHURNED_FILTERS) {
            for (int s = 0; s < 3; s++) {
                index.unsubscribe(filter, "churn" + s);
            }
        }
        assertEquals(2, index.size(), "only the stable subscriptions remain");
        assertEquals(2, Match.collect(index, TOPIC).size());
    }

    /**
     * Siblings of the stable subscriptions come and go by the hundred, so their tables grow, shrink, fill
     * with removed slots and are rebuilt while readers probe them: a reader must never lose a stable one.
     */
    @Test
    void readersNeverLoseAStableSubscriptionWhileItsSiblingTablesAreRebuilt() throws InterruptedException {
        SubscriptionIndex<String, Integer> index = new SubscriptionIndex<>();
        index.subscribe("sensors/+/temp", "stable", 1);
        index.subscribe("sensors/kitchen/temp", "stable", 2);
        index.subscribe("sensors/kitchen/temp", "stable-too", 3);

        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean writerDone = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(guarded(failures, start, () -> {
            try {
                for (int round = 0; round < 40; round++) {
                    for (int i = 0; i < 500; i++) {
                        index.subscribe("sensors/room" + i + "/temp", "churn", i); // siblings of "kitchen"
                        index.subscribe("sensors/kitchen/temp", "churn" + i, i); // subscribers beside "stable"
                    }
                    for (int i = 0; i < 500; i++) {
                        index.unsubscribe("sensors/room" + i + "/temp", "churn");
                        index.unsubscribe("sensors/kitchen/temp", "churn" + i);
                    }
                }
            } finally {
                writerDone.set(true);
            }
        }), "writer"));
        for (int r = 0; r < READERS; r++) {
            threads.add(new Thread(guarded(failures, start, () -> {
                for (int reads = 0; reads < MIN_READS_PER_READER || !writerDone.get(); reads++) {
                    checkOneMatch(index);
                    List<Match<String, Integer>> matches = Match.collect(index, TOPIC);
                    assertTrue(matches.contains(new Match<>("stable-too", "sensors/kitchen/temp", 3)),
                            () -> "lost stable-too: " + matches);
                }
            }), "reader-" + r));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
        assertEquals(3, index.size(), "only the stable subscriptions remain");
        assertEquals(3, Match.collect(index, TOPIC).size());
    }

    private static void checkOneMatch(SubscriptionIndex<String, Integer> index) {
        List<Match<String, Integer>> matches = Match.collect(index, TOPIC);
        Set<String> seen = new HashSet<>();
        for (Match<String, Integer> match : matches) {
            assertTrue(Topics.matches(match.filter(), TOPIC), () -> "non-matching filter " + match);
            assertTrue(seen.add(match.subscriber() + " " + match.filter()), () -> "reported twice: " + match);
        }
        assertTrue(matches.contains(new Match<>("stable", "sensors/+/temp", 1)), () -> "lost stable: " + matches);
        assertTrue(matches.contains(new Match<>("stable", "sensors/kitchen/temp", 2)), () -> "lost stable: " + matches);
    }

    private static Runnable guarded(Queue<Throwable> failures, CountDownLatch start, Runnable body) {
        return () -> {
            try {
                start.await();
                body.run();
            } catch (Throwable t) {
                failures.add(t);
            }
        };
    }
}
