package io.culex.adapters.file.sqlite;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.RecoveredState.QueuedMessage;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Dequeued;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.RetainedSaved;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.topic.Subscription;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Latency, recovery and size figures for the sqlite backend. Not part of the build: run with
 * {@code mvn -B -q -pl adapters-file -am test -Dtest=SqliteStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dculex.bench=true}.
 */
@EnabledIfSystemProperty(named = "culex.bench", matches = "true")
class SqliteStoreBenchmark {

    @TempDir
    Path directory;

    private static StoredDelivery delivery(int payloadBytes) {
        StoredMessage message = new StoredMessage("devices/42/telemetry", new byte[payloadBytes], QoS.AT_LEAST_ONCE,
                false, MessageProperties.NONE, StoredMessage.NEVER, "publisher-7");
        return new StoredDelivery(message, QoS.AT_LEAST_ONCE, false, List.of());
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("median %.2f ms, p99 %.2f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }

    @Test
    void applyLatency() {
        try (SqliteStateStore store = SqliteStateStore.open(directory.resolve("latency.sqlite"))) {
            store.apply(List.of(new SessionSaved("c1", 3_600)));
            long sequence = 0;
            long[] single = new long[1_000];
            for (int i = 0; i < single.length; i++) {
                long started = System.nanoTime();
                store.apply(List.of(new Enqueued("c1", ++sequence, delivery(100))));
                single[i] = System.nanoTime() - started;
            }
            System.out.println("apply, batch of 1 op (100-byte enqueue): " + percentiles(single));
            long[] thousand = new long[50];
            for (int i = 0; i < thousand.length; i++) {
                List<StoreOperation> batch = new ArrayList<>();
                for (int j = 0; j < 1_000; j++) {
                    batch.add(new Enqueued("c1", ++sequence, delivery(100)));
                }
                long started = System.nanoTime();
                store.apply(batch);
                thousand[i] = System.nanoTime() - started;
            }
            System.out.println("apply, batch of 1000 ops (100-byte enqueues): " + percentiles(thousand));
            long[] mixed = new long[50];
            long first = 1;
            for (int i = 0; i < mixed.length; i++) {
                List<StoreOperation> batch = new ArrayList<>();
                for (int j = 0; j < 500; j++) {
                    batch.add(new Enqueued("c1", ++sequence, delivery(100)));
                    batch.add(new Dequeued("c1", first++));
                }
                long started = System.nanoTime();
                store.apply(batch);
                mixed[i] = System.nanoTime() - started;
            }
            System.out.println("apply, batch of 500 enqueues + 500 dequeues: " + percentiles(mixed));
        }
    }

    @Test
    void recoveryOfAHundredThousandSessionsAndRetainedMessages() throws Exception {
        Path file = directory.resolve("recovery.sqlite");
        int count = 100_000;
        long started = System.nanoTime();
        try (SqliteStateStore store = SqliteStateStore.open(file)) {
            for (int start = 0; start < count; start += 10_000) {
                List<StoreOperation> batch = new ArrayList<>();
                for (int i = start; i < start + 10_000; i++) {
                    batch.add(new SessionSaved("client-" + i, 3_600));
                    batch.add(new SubscriptionSaved("client-" + i, Subscription.of("devices/" + i + "/#", QoS.AT_LEAST_ONCE)));
                    batch.add(new RetainedSaved(new StoredMessage("devices/" + i + "/state",
                            new byte[100], QoS.AT_LEAST_ONCE, true, MessageProperties.NONE, StoredMessage.NEVER, "p")));
                }
                store.apply(batch);
            }
        }
        System.out.printf("writing 100k sessions + subscriptions + 100k retained (10 batches): %d ms, file %.1f MB%n",
                (System.nanoTime() - started) / 1_000_000, Files.size(file) / 1e6);
        for (int round = 0; round < 3; round++) {
            started = System.nanoTime();
            try (SqliteStateStore store = SqliteStateStore.open(file)) {
                RecoveredState state = store.recover();
                long millis = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("open + recover %d sessions, %d retained: %d ms%n", state.sessions().size(),
                        state.retained().size(), millis);
            }
        }
    }

    @Test
    void costOfAQueuedHundredByteMessage() throws Exception {
        Path file = directory.resolve("queue.sqlite");
        int count = 100_000;
        int sessions = 100;
        try (SqliteStateStore store = SqliteStateStore.open(file)) {
            List<StoreOperation> setup = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                setup.add(new SessionSaved("client-" + s, 3_600));
            }
            store.apply(setup);
            long baseline = Files.size(file);
            long started = System.nanoTime();
            for (int start = 0; start < count; start += 10_000) {
                List<StoreOperation> batch = new ArrayList<>();
                for (int i = start; i < start + 10_000; i++) {
                    batch.add(new Enqueued("client-" + (i % sessions), i, delivery(100)));
                }
                store.apply(batch);
            }
            System.out.printf("enqueue 100k x 100 bytes in batches of 10k: %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            store.executeForTests("PRAGMA wal_checkpoint(TRUNCATE)");
            System.out.printf("disk per queued 100-byte message: %.0f bytes (record blob %d bytes)%n",
                    (Files.size(file) - baseline) / (double) count, new BlobCodec().encode(delivery(100)).length);

            var memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            RecoveredState state = store.recover();
            System.gc();
            long after = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("heap held after recover(): %d bytes for %d queued messages (%d sessions)%n",
                    after - before, count, state.sessions().size());
            System.gc();
            before = memory.getHeapMemoryUsage().getUsed();
            List<QueuedMessage> page = store.readQueue("client-0", -1, 1_000);
            System.gc();
            after = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("heap of one readQueue page: %.0f bytes per message (%d messages)%n",
                    (after - before) / (double) page.size(), page.size());
            started = System.nanoTime();
            long sequence = -1;
            int read = 0;
            for (List<QueuedMessage> next = store.readQueue("client-0", sequence, 100); !next.isEmpty();
                 next = store.readQueue("client-0", sequence, 100)) {
                sequence = next.get(next.size() - 1).sequence();
                read += next.size();
            }
            System.out.printf("readQueue pages of 100 through %d messages: %d ms%n", read,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
