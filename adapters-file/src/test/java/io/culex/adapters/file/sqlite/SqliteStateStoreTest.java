package io.culex.adapters.file.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.RecoveredState.QueuedMessage;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.FlightStarted;
import io.culex.domain.persistence.StoreOperation.RetainedSaved;
import io.culex.domain.persistence.StoreOperation.SessionDeleted;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.port.StateStore.StoreException;
import io.culex.domain.topic.Subscription;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the contract cannot say: locking, schema versions, failures, scale. */
class SqliteStateStoreTest {

    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve("culex.sqlite");
    }

    private static StoredMessage message(String topic, byte[] payload) {
        return new StoredMessage(topic, payload, QoS.AT_LEAST_ONCE, false, MessageProperties.NONE, StoredMessage.NEVER,
                "p");
    }

    private static StoredDelivery delivery(String payload) {
        return new StoredDelivery(message("t", payload.getBytes(StandardCharsets.UTF_8)), QoS.AT_LEAST_ONCE, false,
                List.of());
    }

    private static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    // ---- one broker per file ----

    @Test
    void aSecondOpenOfTheSameFileIsRefusedWhileTheFirstHoldsIt() {
        try (SqliteStateStore first = SqliteStateStore.open(file())) {
            first.apply(List.of(new SessionSaved("c1", 60)));
            StoreException refused = assertThrows(StoreException.class, () -> SqliteStateStore.open(file(), 100));
            assertTrue(refused.getMessage().contains("in use by another process"), refused.getMessage());
            assertTrue(refused.getMessage().contains(file().toString()), refused.getMessage());
            first.apply(List.of(new SessionSaved("c2", 60)));
        }
        try (SqliteStateStore again = SqliteStateStore.open(file(), 100)) {
            assertEquals(2, again.recover().sessions().size(), "closing released the lock");
        }
    }

    /**
     * A second process is refused while the first holds the file; the first then dies without closing
     * (Runtime.halt, like kill -9) and everything its apply() returned for is there.
     */
    @Test
    @Timeout(120)
    void anotherProcessIsRefusedAndWhatItAppliedSurvivesItsDeath() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ApplyThenHalt.class.getName(), file().toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertEquals("applied", line, "the child's first line");
            StoreException refused = assertThrows(StoreException.class, () -> SqliteStateStore.open(file(), 100));
            assertTrue(refused.getMessage().contains("in use by another process"), refused.getMessage());
            child.getOutputStream().write('\n');
            child.getOutputStream().flush();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(ApplyThenHalt.HALT_STATUS, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            RecoveredState state = store.recover();
            assertEquals(1, state.sessions().size());
            assertEquals(ApplyThenHalt.QUEUED, state.sessions().get(0).queuedCount());
            assertEquals("m" + ApplyThenHalt.QUEUED,
                    new String(store.readQueue("c1", ApplyThenHalt.QUEUED - 1, 1).get(0).delivery().message().payload(),
                            StandardCharsets.UTF_8));
        }
    }

    /** The child of {@link #anotherProcessIsRefusedAndWhatItAppliedSurvivesItsDeath}. */
    public static final class ApplyThenHalt {
        static final int QUEUED = 50;
        static final int HALT_STATUS = 42;

        public static void main(String[] args) throws IOException {
            SqliteStateStore store = SqliteStateStore.open(Path.of(args[0]));
            store.apply(List.of(new SessionSaved("c1", 60)));
            for (int i = 1; i <= QUEUED; i++) {
                store.apply(List.of(new Enqueued("c1", i, delivery("m" + i))));
            }
            System.out.println("applied");
            System.out.flush();
            System.in.read();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    // ---- what the file is ----

    @Test
    void aFileOfANewerSchemaVersionIsRefusedAndLeftAlone() throws SQLException {
        try (Connection connection = raw(file()); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA application_id = " + SqliteSchema.APPLICATION_ID);
            statement.execute("PRAGMA user_version = " + (SqliteSchema.VERSION + 1));
            statement.execute("CREATE TABLE from_the_future (x)");
        }
        StoreException refused = assertThrows(StoreException.class, () -> SqliteStateStore.open(file()));
        assertTrue(refused.getMessage().contains("schema version " + (SqliteSchema.VERSION + 1)), refused.getMessage());
        assertTrue(refused.getMessage().contains("newer Culex"), refused.getMessage());
        try (Connection connection = raw(file()); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
            rows.next();
            assertEquals("delete", rows.getString(1), "not even switched to WAL");
        }
    }

    @Test
    void aNewFileGetsTheCurrentSchemaVersionInWalModeWithFullSync() throws SQLException {
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            assertEquals(2, store.queryLongForTests("PRAGMA synchronous"), "FULL: every commit is fsynced");
            assertEquals(SqliteStateStore.DEFAULT_BUSY_TIMEOUT_MILLIS, store.queryLongForTests("PRAGMA busy_timeout"));
        }
        try (Connection connection = raw(file()); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
                rows.next();
                assertEquals(SqliteSchema.VERSION, rows.getInt(1));
            }
            try (ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
                rows.next();
                assertEquals("wal", rows.getString(1));
            }
        }
    }

    @Test
    void otherApplicationsDatabasesAreRefused() throws Exception {
        Path foreign = directory.resolve("other.sqlite");
        try (Connection connection = raw(foreign); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (id)");
        }
        StoreException noVersion = assertThrows(StoreException.class, () -> SqliteStateStore.open(foreign));
        assertTrue(noVersion.getMessage().contains("not a Culex store"), noVersion.getMessage());

        Path otherApplication = directory.resolve("app.sqlite");
        try (Connection connection = raw(otherApplication); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA application_id = 1234");
        }
        StoreException wrongId = assertThrows(StoreException.class, () -> SqliteStateStore.open(otherApplication));
        assertTrue(wrongId.getMessage().contains("another application"), wrongId.getMessage());
        // a file that is not a database at all is damage, not a foreign store: see SqliteDamageTest
    }

    @Test
    void anUnusableLocationFailsAtOpenNamingThePath() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("plain-file"), "x");
        StoreException underAFile = assertThrows(StoreException.class,
                () -> SqliteStateStore.open(notADirectory.resolve("culex.sqlite")));
        assertTrue(underAFile.getMessage().contains(notADirectory.toString()), underAFile.getMessage());
        assertTrue(underAFile.getCause() != null, "the cause is kept");

        StoreException aDirectory = assertThrows(StoreException.class, () -> SqliteStateStore.open(directory));
        assertTrue(aDirectory.getMessage().contains("is a directory"), aDirectory.getMessage());
    }

    // ---- failures roll back ----

    @Test
    void aBatchThatFailsMidwayLeavesNothingBehind() throws SQLException {
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            store.apply(List.of(new SessionSaved("c1", 60), new RetainedSaved(message("kept", new byte[] {1}))));
        }
        // A trigger makes the fourth operation fail after three have run inside the transaction.
        try (Connection connection = raw(file()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER fail BEFORE INSERT ON retained WHEN NEW.topic = 'boom'"
                    + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        }
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            RecoveredState before = store.recover();
            StoreException failed = assertThrows(StoreException.class, () -> store.apply(List.of(
                    new SessionSaved("c2", 60),
                    new Enqueued("c1", 1, delivery("lost")),
                    new SessionDeleted("c1"),
                    new RetainedSaved(message("boom", new byte[] {2})),
                    new RetainedSaved(message("never", new byte[] {3})))));
            assertTrue(failed.getMessage().contains("operation 4 (RetainedSaved)"), failed.getMessage());
            assertTrue(failed.getMessage().contains("injected failure"), failed.getMessage());
            assertEquals(before, store.recover());
            assertEquals(List.of(), store.readQueue("c1", 0, 10));
            store.apply(List.of(new SessionSaved("c3", 60)));
            assertEquals(List.of("c1", "c3"), store.recover().sessions().stream().map(s -> s.clientId()).toList(),
                    "the store works on after a failed batch");
        }
    }

    @Test
    void aFullDiskFailsTheBatchWholeAndTheStoreGoesOnWhenThereIsRoomAgain() throws SQLException {
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            store.apply(List.of(new SessionSaved("c1", 60), new Enqueued("c1", 1, delivery("first"))));
            RecoveredState before = store.recover();
            // The file may not grow by a single page: as when the disk is full (SQLITE_FULL).
            store.executeForTests("PRAGMA max_page_count = " + pageCount(store));
            List<StoreOperation> big = new ArrayList<>();
            big.add(new SubscriptionSaved("c1", Subscription.of("a/#", QoS.AT_LEAST_ONCE)));
            for (int i = 2; i < 50; i++) {
                big.add(new Enqueued("c1", i, new StoredDelivery(message("t", new byte[8_192]), QoS.AT_LEAST_ONCE,
                        false, List.of())));
            }
            StoreException full = assertThrows(StoreException.class, () -> store.apply(big));
            assertTrue(full.getMessage().contains("full"), full.getMessage());
            assertEquals(before, store.recover());
            assertEquals(1, store.readQueue("c1", 0, 100).size());

            store.executeForTests("PRAGMA max_page_count = 1073741823");
            store.apply(big);
            assertEquals(49, store.readQueue("c1", 0, 100).size());
        }
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            assertEquals(49, store.recover().sessions().get(0).queuedCount());
        }
    }

    private static long pageCount(SqliteStateStore store) throws SQLException {
        store.executeForTests("PRAGMA wal_checkpoint(TRUNCATE)");
        return store.queryLongForTests("PRAGMA page_count");
    }

    // ---- scale ----

    @Test
    void aHundredThousandQueuedMessagesArePagedThroughWithARangeScan() throws SQLException {
        int total = 100_000;
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            store.apply(List.of(new SessionSaved("other", 60), new SessionSaved("c1", 60)));
            for (int start = 1; start <= total; start += 10_000) {
                List<StoreOperation> batch = new ArrayList<>();
                for (int sequence = start; sequence < start + 10_000; sequence++) {
                    batch.add(new Enqueued("c1", sequence, delivery("m" + sequence)));
                    if (sequence % 100 == 0) {
                        batch.add(new Enqueued("other", sequence, delivery("o" + sequence)));
                    }
                }
                store.apply(batch);
            }
            assertEquals(total, store.recover().sessions().get(1).queuedCount());

            long started = System.nanoTime();
            long after = 0;
            int read = 0;
            long slowestPageNanos = 0;
            while (true) {
                long pageStarted = System.nanoTime();
                List<QueuedMessage> page = store.readQueue("c1", after, 1_000);
                slowestPageNanos = Math.max(slowestPageNanos, System.nanoTime() - pageStarted);
                if (page.isEmpty()) {
                    break;
                }
                for (QueuedMessage queued : page) {
                    assertEquals(after + 1, queued.sequence());
                    after = queued.sequence();
                    read++;
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(total, read);
            assertEquals("m" + total, new String(store.readQueue("c1", total - 1, 5).get(0).delivery().message().payload(),
                    StandardCharsets.UTF_8));
            assertTrue(millis < 10_000, "100 pages of 1000 took " + millis + " ms");
            assertTrue(slowestPageNanos < TimeUnit.SECONDS.toNanos(2), "slowest page " + slowestPageNanos + " ns");
        }
        try (Connection connection = raw(file()); Statement statement = connection.createStatement();
             ResultSet plan = statement.executeQuery("EXPLAIN QUERY PLAN"
                     + " SELECT seq, delivery FROM queue WHERE client_id = 'c1' AND seq > 5 ORDER BY seq LIMIT 10")) {
            StringBuilder text = new StringBuilder();
            while (plan.next()) {
                text.append(plan.getString("detail")).append('\n');
            }
            assertTrue(text.toString().contains("USING INDEX") && text.toString().contains("seq>?")
                    && !text.toString().contains("TEMP B-TREE"), "readQueue is an ordered range scan:\n" + text);
        }
    }

    @Test
    void flightsKeepSendOrderAcrossReopensWhenPacketIdsAreReused() {
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            store.apply(List.of(new SessionSaved("c1", 60), new FlightStarted("c1", 5, delivery("a")),
                    new FlightStarted("c1", 1, delivery("b"))));
        }
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            store.apply(List.of(new StoreOperation.FlightEnded("c1", 5), new FlightStarted("c1", 5, delivery("c"))));
        }
        try (SqliteStateStore store = SqliteStateStore.open(file())) {
            assertEquals(List.of(1, 5), store.recover().sessions().get(0).flights().stream()
                    .map(RecoveredState.RecoveredFlight::packetId).toList());
        }
    }
}
