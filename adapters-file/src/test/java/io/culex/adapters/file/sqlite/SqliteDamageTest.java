package io.culex.adapters.file.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.RecoveredState.RecoveredSession;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.topic.Subscription;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
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
 * A damaged SQLite store (issue 4): moved aside with its companions, a fresh store in its place holding every row
 * that can still be read, the loss logged, and the start-up goes on.
 */
class SqliteDamageTest {

    private static final Logger STORE_LOG = Logger.getLogger("io.culex.store");
    private static final int SESSIONS = 1500;

    @TempDir
    Path directory;

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
    private Level storeLevel;

    @BeforeEach
    void captureWarnings() {
        storeLevel = STORE_LOG.getLevel();
        STORE_LOG.setLevel(Level.ALL);
        STORE_LOG.setUseParentHandlers(false);
        STORE_LOG.addHandler(capture);
    }

    @AfterEach
    void release() {
        STORE_LOG.removeHandler(capture);
        STORE_LOG.setUseParentHandlers(true);
        STORE_LOG.setLevel(storeLevel);
    }

    private Path file() {
        return directory.resolve("culex.sqlite");
    }

    private static StoredDelivery delivery(int i) {
        StoredMessage message = new StoredMessage("t/" + i, ("payload " + i).getBytes(StandardCharsets.UTF_8),
                QoS.AT_LEAST_ONCE, false, MessageProperties.NONE, StoredMessage.NEVER, null);
        return new StoredDelivery(message, QoS.AT_LEAST_ONCE, false, List.of());
    }

    private void fill() {
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            List<StoreOperation> batch = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                String client = "client-" + i;
                batch.add(new SessionSaved(client, 60));
                batch.add(new SubscriptionSaved(client, Subscription.of("topic/" + i + "/#", QoS.AT_LEAST_ONCE)));
                batch.add(new Enqueued(client, 1, delivery(i)));
                if (batch.size() >= 300) {
                    store.apply(batch);
                    batch = new ArrayList<>();
                }
            }
            store.apply(batch);
        }
    }

    private List<Path> damagedCopies() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches("culex\\.sqlite\\.damaged-\\d+(-\\d+)?"))
                    .toList();
        }
    }

    private static List<String> clients(SqliteStateStore store) {
        return store.recover().sessions().stream().map(RecoveredSession::clientId).toList();
    }

    @Test
    void bytesOverwrittenInTheMiddleAreSalvagedRowByRowAndTheCopyKept() throws IOException {
        fill();
        long size = Files.size(file());
        int page = 4096;
        long at = (size / page / 2) * page;
        byte[] garbage = new byte[2 * page];
        new Random(9).nextBytes(garbage);
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            raf.seek(at);
            raf.write(garbage);
        }
        byte[] damaged = Files.readAllBytes(file());
        List<String> kept;
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            kept = clients(store);
            assertTrue(kept.size() > SESSIONS / 3, kept.size() + " sessions salvaged of " + SESSIONS);
            assertTrue(kept.size() <= SESSIONS);
            for (RecoveredSession session : store.recover().sessions()) {
                int i = Integer.parseInt(session.clientId().substring("client-".length()));
                assertEquals(60, session.expiryIntervalSeconds());
                if (!session.subscriptions().isEmpty()) {
                    assertEquals("topic/" + i + "/#", session.subscriptions().get(0).filter());
                }
                if (session.queuedCount() == 1) {
                    assertEquals(delivery(i), store.readQueue(session.clientId(), 0, 10).get(0).delivery());
                }
            }
            store.apply(List.of(new SessionSaved("after", 1)));
        }
        List<Path> copies = damagedCopies();
        assertEquals(1, copies.size(), copies.toString());
        assertTrue(java.util.Arrays.equals(damaged, Files.readAllBytes(copies.get(0))), "the copy is the file as found");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("is damaged") && w.contains("moved to")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("rows kept: sessions")), warnings.toString());
        warnings.clear();
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            assertEquals(kept.size() + 1, clients(store).size());
        }
        assertEquals(List.of(), warnings, "the rebuilt store opens cleanly");
        assertEquals(1, damagedCopies().size());
    }

    @Test
    void garbageInPlaceOfTheDatabaseStartsEmptyAndSaysEverythingWasLost() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(10).nextBytes(garbage);
        Files.write(file(), garbage);
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            assertEquals(List.of(), clients(store));
            store.apply(List.of(new SessionSaved("fresh", 1)));
        }
        assertEquals(1, damagedCopies().size());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("not an SQLite database")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("SEVERE") && w.contains("EVERYTHING IN IT WAS LOST")),
                warnings.toString());
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            assertEquals(List.of("fresh"), clients(store));
        }
    }

    @Test
    void aTextFileInPlaceOfTheDatabaseIsMovedAsideToo() throws IOException {
        Files.writeString(file(), "this is not a database, just some text that is long enough to have a header");
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            assertEquals(List.of(), clients(store));
        }
        assertEquals(1, damagedCopies().size());
    }
}
