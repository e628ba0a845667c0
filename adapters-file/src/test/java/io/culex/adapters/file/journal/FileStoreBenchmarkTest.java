package io.culex.adapters.file.journal;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Dequeued;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.RetainedSaved;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.topic.Subscription;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures for the documentation, not a check: run with {@code -Dculex.bench=true}
 * ({@code mvn -o -pl adapters-file -am test -Dtest=FileStoreBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dculex.bench=true}).
 */
class FileStoreBenchmarkTest {

    @TempDir
    Path directory;

    @BeforeEach
    void onlyWhenAsked() {
        Assumptions.assumeTrue(Boolean.getBoolean("culex.bench"), "benchmark: -Dculex.bench=true");
    }

    private static StoredDelivery delivery(int size) {
        return new StoredDelivery(new StoredMessage("bench/topic", new byte[size], QoS.AT_LEAST_ONCE, false,
                MessageProperties.NONE, StoredMessage.NEVER, "publisher"), QoS.AT_LEAST_ONCE, false, List.of());
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.3f ms, p99 %.3f ms, max %.3f ms", sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length * 99 / 100] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    @Test
    void applyLatency() {
        try (FileStateStore store = FileStateStore.open(directory, "mosquitto.db")) {
            store.apply(List.of(new SessionSaved("c", 60)));
            long sequence = 0;
            for (int size : new int[] {1, 1000}) {
                long[] nanos = new long[size == 1 ? 2000 : 200];
                for (int round = 0; round < nanos.length; round++) {
                    List<StoreOperation> batch = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        batch.add(new Enqueued("c", ++sequence, delivery(100)));
                    }
                    long start = System.nanoTime();
                    store.apply(batch);
                    nanos[round] = System.nanoTime() - start;
                }
                System.out.println("apply of " + size + " Enqueued (100 B): " + percentiles(nanos));
            }
        }
    }

    @Test
    void recoveryOfManySessionsAndRetained() {
        int count = 100_000;
        try (FileStateStore store = FileStateStore.open(directory, "mosquitto.db")) {
            List<StoreOperation> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(new SessionSaved("client-" + i, 3_600));
                batch.add(new SubscriptionSaved("client-" + i, Subscription.of("devices/" + i + "/#", QoS.AT_LEAST_ONCE)));
                batch.add(new RetainedSaved(new StoredMessage("devices/" + i + "/state", new byte[20], QoS.AT_MOST_ONCE,
                        true, MessageProperties.NONE, StoredMessage.NEVER, null)));
                if (batch.size() >= 3_000) {
                    store.apply(batch);
                    batch.clear();
                }
            }
            store.apply(batch);
        }
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            try (FileStateStore store = FileStateStore.open(directory, "mosquitto.db")) {
                int sessions = store.recover().sessions().size();
                System.out.printf("open + recover() of %d sessions (1 subscription each) + %d retained: %d ms%n",
                        sessions, store.recover().retained().size(), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    @Test
    void compactionPauses() {
        int live = 500_000;
        try (FileStateStore store = FileStateStore.open(directory, "mosquitto.db")) {
            store.apply(List.of(new SessionSaved("c", 60)));
            long sequence = 0;
            List<StoreOperation> batch = new ArrayList<>();
            for (int i = 0; i < live; i++) {
                batch.add(new Enqueued("c", ++sequence, delivery(100)));
                if (batch.size() == 1000) {
                    store.apply(batch);
                    batch.clear();
                }
            }
            // churn: one in, one out, until a compaction has come and gone
            long oldest = 0;
            long[] nanos = new long[400_000];
            int rounds = 0;
            int compactions = 0;
            List<String> compacting = new ArrayList<>();
            for (; rounds < nanos.length && compactions < 1; rounds++) {
                boolean was = store.compacting();
                List<StoreOperation> churn = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    churn.add(new Enqueued("c", ++sequence, delivery(100)));
                    churn.add(new Dequeued("c", ++oldest));
                }
                long start = System.nanoTime();
                store.apply(churn);
                nanos[rounds] = System.nanoTime() - start;
                if (store.compacting() || was) {
                    compacting.add(String.format("%s%.1f", !was ? "start " : store.compacting() ? "" : "end ",
                            nanos[rounds] / 1e6));
                }
                if (was && !store.compacting()) {
                    compactions++;
                }
            }
            System.out.printf("churn (50 in, 50 out per apply) at %d live messages: %d applies, %s;"
                            + " the compaction's applies (ms): %s%n", live, rounds,
                    percentiles(Arrays.copyOf(nanos, rounds)), compacting);
        }
    }
}
