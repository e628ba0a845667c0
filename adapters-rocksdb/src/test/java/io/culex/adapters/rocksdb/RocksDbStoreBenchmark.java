package io.culex.adapters.rocksdb;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.RetainedSaved;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.topic.Subscription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Not a test: the figures of docs/architecture.md. Run from the module after {@code mvn test-compile} with
 * {@code java -cp target/test-classes:target/classes:<dependencies> io.culex.adapters.rocksdb.RocksDbStoreBenchmark <dir>}.
 */
public final class RocksDbStoreBenchmark {

    private static final Random RANDOM = new Random(42);

    private RocksDbStoreBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path base = Path.of(args.length > 0 ? args[0] : "target/benchmark");
        latency(base.resolve("latency"), 1, 1_000);
        latency(base.resolve("latency"), 1_000, 100);
        recovery(base.resolve("recovery"), 100_000);
        diskPerMessage(base.resolve("disk"), 200_000);
    }

    private static StoredDelivery delivery(int payloadBytes) {
        byte[] payload = new byte[payloadBytes];
        RANDOM.nextBytes(payload); // incompressible: the worst case for LZ4
        StoredMessage message = new StoredMessage("sensors/42/temp", payload, QoS.AT_LEAST_ONCE, false,
                MessageProperties.NONE, StoredMessage.NEVER, "publisher-1");
        return new StoredDelivery(message, QoS.AT_LEAST_ONCE, false, List.of());
    }

    private static void latency(Path dir, int batchSize, int batches) {
        try (RocksDbStateStore store = RocksDbStateStore.open(dir)) {
            store.apply(List.of(new SessionSaved("bench-" + batchSize, 3_600)));
            long sequence = 0;
            long[] micros = new long[batches];
            for (int round = -batches / 10; round < batches; round++) { // the first tenth warms up
                List<StoreOperation> batch = new ArrayList<>(batchSize);
                for (int i = 0; i < batchSize; i++) {
                    batch.add(new Enqueued("bench-" + batchSize, ++sequence, delivery(100)));
                }
                long start = System.nanoTime();
                store.apply(batch);
                if (round >= 0) {
                    micros[round] = (System.nanoTime() - start) / 1_000;
                }
            }
            Arrays.sort(micros);
            System.out.printf("apply of %d ops (100-byte messages, synced): median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    batchSize, micros[batches / 2] / 1000.0, micros[batches * 99 / 100] / 1000.0,
                    micros[batches - 1] / 1000.0);
        }
    }

    private static void recovery(Path dir, int count) {
        try (RocksDbStateStore store = RocksDbStateStore.open(dir)) {
            for (int start = 0; start < count; start += 10_000) {
                List<StoreOperation> batch = new ArrayList<>();
                for (int i = start; i < start + 10_000; i++) {
                    batch.add(new SessionSaved("client-" + i, 3_600));
                    batch.add(new SubscriptionSaved("client-" + i,
                            Subscription.of("devices/" + i + "/#", QoS.AT_LEAST_ONCE)));
                    StoredMessage state = new StoredMessage("devices/" + i + "/state", new byte[20], QoS.AT_LEAST_ONCE,
                            true, MessageProperties.NONE, StoredMessage.NEVER, null);
                    batch.add(new RetainedSaved(state));
                }
                store.apply(batch);
            }
        }
        for (int run = 1; run <= 2; run++) {
            long start = System.nanoTime();
            try (RocksDbStateStore store = RocksDbStateStore.open(dir)) {
                long opened = System.nanoTime();
                RecoveredState state = store.recover();
                long recovered = System.nanoTime();
                System.out.printf("recovery %d of %d sessions (1 subscription each) + %d retained: open %d ms,"
                                + " recover() %d ms%n", run, state.sessions().size(), state.retained().size(),
                        (opened - start) / 1_000_000, (recovered - opened) / 1_000_000);
            }
        }
    }

    private static void diskPerMessage(Path dir, int count) throws IOException {
        try (RocksDbStateStore store = RocksDbStateStore.open(dir)) {
            for (int session = 0; session < 10; session++) {
                store.apply(List.of(new SessionSaved("client-" + session, 3_600)));
            }
            for (int start = 0; start < count; start += 10_000) {
                List<StoreOperation> batch = new ArrayList<>();
                for (int i = start; i < start + 10_000; i++) {
                    batch.add(new Enqueued("client-" + (i % 10), i, delivery(100)));
                }
                store.apply(batch);
            }
        }
        long withWal = size(dir, "");
        RocksDbStateStore.open(dir).close(); // reopening flushes the WAL into SST files
        System.out.printf("disk per queued 100-byte message (%d, random payloads): %.1f bytes in SST files after"
                        + " flush (%.1f bytes/message in the directory before, WAL included)%n", count,
                (double) size(dir, ".sst") / count, (double) withWal / count);
    }

    private static long size(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }
}
