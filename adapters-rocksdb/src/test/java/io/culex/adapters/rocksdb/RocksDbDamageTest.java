package io.culex.adapters.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.persistence.RecoveredState.RecoveredSession;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.topic.Subscription;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage RocksDB reports at open (issue 4): the directory is moved aside, a fresh store takes its place with every
 * row that can still be read, and the start-up goes on.
 */
class RocksDbDamageTest {

    private static final Logger STORE_LOG = Logger.getLogger("io.culex.store");
    private static final int SESSIONS = 400;

    @TempDir
    Path temp;

    private final List<String> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getLevel() + " " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        STORE_LOG.setUseParentHandlers(false);
        STORE_LOG.addHandler(capture);
    }

    @AfterEach
    void release() {
        STORE_LOG.removeHandler(capture);
        STORE_LOG.setUseParentHandlers(true);
    }

    private Path dir() {
        return temp.resolve("store.rocksdb");
    }

    /** Sessions with a subscription each, flushed into table files; then a few more only in the WAL. */
    private void fill(boolean flush) {
        try (RocksDbStateStore store = RocksDbStateStore.open(dir())) {
            List<StoreOperation> batch = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                String client = "client-" + i;
                batch.add(new SessionSaved(client, 60));
                batch.add(new SubscriptionSaved(client, Subscription.of("topic/" + i + "/#",
                        io.culex.domain.message.QoS.AT_LEAST_ONCE)));
                if (batch.size() >= 100) {
                    store.apply(batch);
                    batch = new ArrayList<>();
                }
            }
            store.apply(batch);
            if (flush) {
                store.flush();
            }
            store.apply(List.of(new SessionSaved("wal-only", 5)));
        }
    }

    private List<Path> files(Path in, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(in)) {
            return files.filter(p -> p.getFileName().toString().contains(suffix)).sorted().toList();
        }
    }

    private Path damagedCopy() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            List<Path> copies = files.filter(p -> p.getFileName().toString().startsWith("store.rocksdb.damaged-"))
                    .toList();
            assertEquals(1, copies.size(), copies.toString());
            return copies.get(0);
        }
    }

    private static void overwrite(Path file, long at, int length, long seed) throws IOException {
        byte[] garbage = new byte[length];
        new Random(seed).nextBytes(garbage);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            raf.write(garbage);
        }
    }

    private static List<String> clients(RocksDbStateStore store) {
        return store.recover().sessions().stream().map(RecoveredSession::clientId).toList();
    }

    @Test
    void aCorruptTableFileIsSalvagedRowByRowAroundTheDamagedBlock() throws IOException {
        fill(true);
        List<Path> tables = files(dir(), ".sst");
        assertTrue(!tables.isEmpty(), "flushed into table files");
        Path largest = tables.stream().max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
                .orElseThrow();
        overwrite(largest, largest.toFile().length() / 3, 64, 1);
        try (RocksDbStateStore store = RocksDbStateStore.open(dir())) {
            List<String> clients = clients(store);
            assertTrue(clients.contains("wal-only"), "the write-ahead log is replayed into the copy");
            assertTrue(clients.size() > SESSIONS / 2, clients.size() + " sessions salvaged");
            store.apply(List.of(new SessionSaved("after", 1)));
        }
        damagedCopy();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("moved whole to")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("rows copied per column family")), warnings.toString());
        warnings.clear();
        try (RocksDbStateStore store = RocksDbStateStore.open(dir())) {
            assertTrue(clients(store).contains("after"));
        }
        assertEquals(List.of(), warnings, "the rebuilt store opens cleanly");
    }

    @Test
    void aCorruptManifestFallsBackToTheTableFiles() throws IOException {
        fill(true);
        for (Path manifest : files(dir(), "MANIFEST-")) {
            overwrite(manifest, 0, (int) Math.min(200, manifest.toFile().length()), 2);
        }
        try (RocksDbStateStore store = RocksDbStateStore.open(dir())) {
            List<String> clients = clients(store);
            assertEquals(SESSIONS, clients.size(), "every flushed session comes back from the table files");
            assertEquals(1, store.recover().sessions().get(0).subscriptions().size());
        }
        damagedCopy();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("table files read one by one")), warnings.toString());
    }

    @Test
    void garbageInPlaceOfEveryFileStartsEmptyAndSaysEverythingWasLost() throws IOException {
        fill(false);
        long seed = 3;
        for (Path file : files(dir(), "")) {
            if (!file.getFileName().toString().equals("LOCK") && Files.size(file) > 0) {
                overwrite(file, 0, (int) Files.size(file), seed++);
            }
        }
        try (RocksDbStateStore store = RocksDbStateStore.open(dir())) {
            assertEquals(List.of(), clients(store));
            store.apply(List.of(new SessionSaved("fresh", 1)));
        }
        damagedCopy();
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("SEVERE") && w.contains("WAS LOST")),
                warnings.toString());
        try (RocksDbStateStore store = RocksDbStateStore.open(dir())) {
            assertEquals(List.of("fresh"), clients(store));
        }
    }
}
