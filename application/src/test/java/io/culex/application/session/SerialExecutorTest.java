package io.culex.application.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    private final ExecutorService loopA = Executors.newSingleThreadExecutor(r -> new Thread(r, "loop-a"));
    private final ExecutorService loopB = Executors.newSingleThreadExecutor(r -> new Thread(r, "loop-b"));
    private final ExecutorService producers = Executors.newFixedThreadPool(4);

    @AfterEach
    void shutdown() {
        loopA.shutdownNow();
        loopB.shutdownNow();
        producers.shutdownNow();
    }

    @Test
    void runsEachProducersTasksInOrderAndNeverTwoAtOnce() throws Exception {
        SerialExecutor serial = new SerialExecutor(loopA, () -> { });
        int perProducer = 5_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<List<Integer>> seen = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            seen.add(new ArrayList<>());
        }
        CountDownLatch done = new CountDownLatch(4 * perProducer);

        for (int p = 0; p < 4; p++) {
            int producer = p;
            producers.execute(() -> {
                for (int i = 0; i < perProducer; i++) {
                    int value = i;
                    serial.execute(() -> {
                        if (running.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        seen.get(producer).add(value); // unsynchronised on purpose: the executor serialises
                        running.decrementAndGet();
                        done.countDown();
                    });
                }
            });
        }

        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(0, overlaps.get());
        for (List<Integer> values : seen) {
            assertEquals(perProducer, values.size());
            for (int i = 0; i < perProducer; i++) {
                assertEquals(i, values.get(i));
            }
        }
    }

    @Test
    void rehomeMovesLaterTasksToTheNewExecutorWithoutReordering() throws Exception {
        SerialExecutor serial = new SerialExecutor(loopA, () -> { });
        List<String> threads = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);

        serial.execute(() -> {
            order.add(1);
            threads.add(Thread.currentThread().getName());
            serial.rehome(loopB);
        });
        serial.execute(() -> {
            order.add(2);
            threads.add(Thread.currentThread().getName());
        });
        serial.execute(() -> {
            order.add(3);
            threads.add(Thread.currentThread().getName());
            done.countDown();
        });

        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of(1, 2, 3), order);
        assertEquals(List.of("loop-a", "loop-b", "loop-b"), threads);
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() throws Exception {
        SerialExecutor serial = new SerialExecutor(loopA, () -> { });
        CountDownLatch ran = new CountDownLatch(1);
        serial.execute(() -> {
            throw new IllegalStateException("boom (expected by the test)");
        });
        serial.execute(ran::countDown);
        assertTrue(ran.await(10, TimeUnit.SECONDS));
    }

    @Test
    void afterDrainRunsOnceTheQueuedBatchIsDone() throws Exception {
        List<String> events = new ArrayList<>();
        CountDownLatch flushed = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        loopA.execute(() -> awaitQuietly(hold)); // keep the loop busy so both tasks land in one drain
        SerialExecutor serial = new SerialExecutor(loopA, () -> {
            events.add("flush");
            flushed.countDown();
        });
        serial.execute(() -> events.add("write 1"));
        serial.execute(() -> events.add("write 2"));
        hold.countDown();

        assertTrue(flushed.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("write 1", "write 2", "flush"), events);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
