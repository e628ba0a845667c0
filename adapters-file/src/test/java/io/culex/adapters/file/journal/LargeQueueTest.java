package io.culex.adapters.file.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.RecoveredState.QueuedMessage;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Dequeued;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backlog of 1,000,000 messages of 100 bytes (issue 4): the heap of its index, reading it in pages, recovering
 * it, and draining it (which compacts the journal as it shrinks).
 */
class LargeQueueTest {

    private static final int MESSAGES = 1_000_000;
    private static final int BATCH = 10_000;

    @TempDir
    Path directory;

    private static StoredDelivery delivery(long sequence) {
        byte[] payload = new byte[100];
        ByteBuffer.wrap(payload).putLong(sequence).putLong(~sequence);
        return new StoredDelivery(new StoredMessage("sensors/backlog", payload, QoS.AT_LEAST_ONCE, false,
                MessageProperties.NONE, StoredMessage.NEVER, "publisher"), QoS.AT_LEAST_ONCE, false, List.of());
    }

    private static void assertPage(FileStateStore store, long after, int limit, int expectedSize) {
        List<QueuedMessage> page = store.readQueue("backlog", after, limit);
        assertEquals(expectedSize, page.size());
        for (int i = 0; i < page.size(); i++) {
            assertEquals(after + 1 + i, page.get(i).sequence());
            assertEquals(delivery(after + 1 + i), page.get(i).delivery());
        }
    }

    @Test
    void aMillionQueuedMessagesCostAFewBytesOfHeapEachAndReadBackInPages() {
        long started = System.nanoTime();
        try (FileStateStore store = FileStateStore.open(directory, "mosquitto.db")) {
            store.apply(List.of(new SessionSaved("backlog", 3_600)));
            for (long first = 1; first <= MESSAGES; first += BATCH) {
                List<StoreOperation> batch = new ArrayList<>(BATCH);
                for (long sequence = first; sequence < first + BATCH; sequence++) {
                    batch.add(new Enqueued("backlog", sequence, delivery(sequence)));
                }
                store.apply(batch);
            }
            long enqueued = System.nanoTime();
            long indexBytes = store.queueIndexBytes();
            System.out.printf("1M x 100 B enqueued in batches of 10k: %d ms, journal %d MiB, index %d bytes"
                            + " (%.1f B/entry), max heap %d MiB%n", (enqueued - started) / 1_000_000, store.journalSize() >> 20,
                    indexBytes, indexBytes / (double) MESSAGES, Runtime.getRuntime().maxMemory() >> 20);
            assertTrue(indexBytes <= 24L * MESSAGES, "index of " + indexBytes + " bytes");
            assertPage(store, 0, 1_000, 1_000);
            assertPage(store, 500_000, 1_000, 1_000);
            assertPage(store, MESSAGES - 10, 1_000, 10);
        }
        long reopening = System.nanoTime();
        try (FileStateStore store = FileStateStore.open(directory, "mosquitto.db")) {
            assertEquals(MESSAGES, store.recover().sessions().get(0).queuedCount());
            System.out.printf("reopened (replay of the 1M-message journal) in %d ms%n",
                    (System.nanoTime() - reopening) / 1_000_000);
            assertPage(store, 123_456, 500, 500);
            long draining = System.nanoTime();
            long after = 0;
            while (true) {
                List<QueuedMessage> page = store.readQueue("backlog", after, BATCH);
                if (page.isEmpty()) {
                    break;
                }
                assertEquals(after + 1, page.get(0).sequence());
                List<StoreOperation> batch = new ArrayList<>(page.size());
                for (QueuedMessage message : page) {
                    batch.add(new Dequeued("backlog", message.sequence()));
                }
                store.apply(batch);
                after = page.get(page.size() - 1).sequence();
            }
            assertEquals(MESSAGES, after);
            assertEquals(0, store.recover().sessions().get(0).queuedCount());
            System.out.printf("drained in pages of 10k in %d ms; journal now %d KiB, index %d bytes%n",
                    (System.nanoTime() - draining) / 1_000_000, store.journalSize() >> 10, store.queueIndexBytes());
            assertTrue(store.queueIndexBytes() < 1024, "the index shrinks as the queue drains");
        }
        System.out.printf("total %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }
}
