package io.culex.adapters.file.sqlite;

import io.culex.domain.message.QoS;
import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.RecoveredState.QueuedMessage;
import io.culex.domain.persistence.RecoveredState.RecoveredFlight;
import io.culex.domain.persistence.RecoveredState.RecoveredSession;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Dequeued;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.FlightEnded;
import io.culex.domain.persistence.StoreOperation.FlightReleased;
import io.culex.domain.persistence.StoreOperation.FlightStarted;
import io.culex.domain.persistence.StoreOperation.InboundQos2Received;
import io.culex.domain.persistence.StoreOperation.InboundQos2Released;
import io.culex.domain.persistence.StoreOperation.RetainedDeleted;
import io.culex.domain.persistence.StoreOperation.RetainedSaved;
import io.culex.domain.persistence.StoreOperation.SessionDeleted;
import io.culex.domain.persistence.StoreOperation.SessionDisconnected;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.persistence.StoreOperation.SubscriptionDeleted;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.port.StateStore;
import io.culex.domain.topic.Subscription;
import io.culex.domain.topic.Subscription.RetainHandling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * A {@link StateStore} in one SQLite file (schema in {@link SqliteSchema}, records in {@link BlobCodec}).
 *
 * <p>The file is opened in WAL mode with {@code synchronous=FULL}, so a batch is on disk when
 * {@link #apply} returns, and with {@code locking_mode=EXCLUSIVE}: the connection keeps its lock until
 * {@link #close}, so a second broker (or any other program) opening the same file is refused. Each batch is
 * one transaction of reused prepared statements; on any error it is rolled back and nothing of it applies.
 *
 * <p>One connection serves every call, so {@link #apply}, {@link #recover} and {@link #readQueue} take turns
 * (a read waits for a running commit); all are thread-safe.
 */
public final class SqliteStateStore implements StateStore {

    /** How long opening waits for a lock held by someone else before it gives up. */
    static final int DEFAULT_BUSY_TIMEOUT_MILLIS = 5_000;

    /** The WAL file is truncated back to this after a checkpoint. */
    private static final int JOURNAL_SIZE_LIMIT_BYTES = 64 << 20;

    /** SQLite's page cache (native memory, not heap), in KiB. */
    private static final int CACHE_KIB = 8 << 10;

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private static final String SESSION_EXISTS = " WHERE EXISTS (SELECT 1 FROM sessions WHERE client_id = ?1)";

    private final Path file;
    private final Connection connection;
    private final BlobCodec codec = new BlobCodec();

    /**
     * A prepared statement kept for reuse. sqlite-jdbc finalises a statement whose step fails with an error
     * such as SQLITE_FULL or SQLITE_IOERR (and its isClosed() does not tell), so after any failure every
     * statement is {@linkplain #discard() discarded} and prepared again when it is next needed.
     */
    private final class Reusable {
        private final String sql;
        private PreparedStatement statement;

        Reusable(String sql) throws SQLException {
            this.sql = sql;
            this.statement = connection.prepareStatement(sql);
        }

        PreparedStatement get() throws SQLException {
            if (statement == null) {
                statement = connection.prepareStatement(sql);
            }
            return statement;
        }

        void discard() {
            try {
                close();
            } catch (SQLException e) {
                // already finalised by the driver, or the connection is broken: prepared again on next use
            }
            statement = null;
        }

        void close() throws SQLException {
            if (statement != null) {
                statement.close();
            }
        }
    }

    private final Reusable begin;
    private final Reusable commit;
    private final Reusable rollback;
    private final Reusable saveSession;
    private final Reusable disconnectSession;
    private final List<Reusable> deleteSession;
    private final Reusable saveSubscription;
    private final Reusable deleteSubscription;
    private final Reusable enqueue;
    private final Reusable dequeue;
    private final Reusable startFlight;
    private final Reusable releaseFlight;
    private final Reusable endFlight;
    private final Reusable receiveInbound;
    private final Reusable releaseInbound;
    private final Reusable saveRetained;
    private final Reusable deleteRetained;
    private final Reusable selectQueue;
    private final List<Reusable> all = new ArrayList<>();

    /** The next flight's place in send order: above every stored one, so a reused packet id goes last. */
    private long nextSendOrder;
    private boolean closed;

    private SqliteStateStore(Path file, int busyTimeoutMillis) {
        this.file = file;
        this.connection = connect(file, busyTimeoutMillis);
        try {
            prepareFile();
            begin = prepare("BEGIN IMMEDIATE");
            commit = prepare("COMMIT");
            rollback = prepare("ROLLBACK");
            saveSession = prepare("INSERT INTO sessions (client_id, expiry, disconnected_at) VALUES (?, ?, 0)"
                    + " ON CONFLICT (client_id) DO UPDATE SET expiry = excluded.expiry, disconnected_at = 0");
            disconnectSession = prepare("UPDATE sessions SET disconnected_at = ? WHERE client_id = ?");
            List<Reusable> deletes = new ArrayList<>();
            for (String table : List.of("subscriptions", "queue", "flights", "inbound_qos2", "sessions")) {
                deletes.add(prepare("DELETE FROM " + table + " WHERE client_id = ?"));
            }
            deleteSession = List.copyOf(deletes);
            saveSubscription = prepare("INSERT INTO subscriptions (client_id, filter, qos, no_local, retain_as_published,"
                    + " retain_handling, identifier) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7" + SESSION_EXISTS
                    + " ON CONFLICT (client_id, filter) DO UPDATE SET qos = excluded.qos, no_local = excluded.no_local,"
                    + " retain_as_published = excluded.retain_as_published,"
                    + " retain_handling = excluded.retain_handling, identifier = excluded.identifier");
            deleteSubscription = prepare("DELETE FROM subscriptions WHERE client_id = ? AND filter = ?");
            enqueue = prepare("INSERT INTO queue (client_id, seq, delivery) SELECT ?1, ?2, ?3" + SESSION_EXISTS
                    + " ON CONFLICT (client_id, seq) DO UPDATE SET delivery = excluded.delivery");
            dequeue = prepare("DELETE FROM queue WHERE client_id = ? AND seq = ?");
            // A packet id started again while its flight is open replaces the flight in place (as the
            // reference store does); one started after its flight ended gets a new, higher send_order.
            startFlight = prepare("INSERT INTO flights (client_id, packet_id, send_order, released, delivery)"
                    + " SELECT ?1, ?2, ?3, 0, ?4" + SESSION_EXISTS
                    + " ON CONFLICT (client_id, packet_id) DO UPDATE SET released = 0, delivery = excluded.delivery");
            releaseFlight = prepare("UPDATE flights SET released = 1 WHERE client_id = ? AND packet_id = ?");
            endFlight = prepare("DELETE FROM flights WHERE client_id = ? AND packet_id = ?");
            receiveInbound = prepare("INSERT INTO inbound_qos2 (client_id, packet_id) SELECT ?1, ?2" + SESSION_EXISTS
                    + " ON CONFLICT (client_id, packet_id) DO NOTHING");
            releaseInbound = prepare("DELETE FROM inbound_qos2 WHERE client_id = ? AND packet_id = ?");
            saveRetained = prepare("INSERT INTO retained (topic, message) VALUES (?, ?)"
                    + " ON CONFLICT (topic) DO UPDATE SET message = excluded.message");
            deleteRetained = prepare("DELETE FROM retained WHERE topic = ?");
            selectQueue = prepare("SELECT seq, delivery FROM queue WHERE client_id = ? AND seq > ? ORDER BY seq LIMIT ?");
        } catch (SQLException | RuntimeException e) {
            closeQuietly(e);
            throw openFailure(e);
        }
    }

    /**
     * Opens (creating it and its directories if missing) the store in {@code file}.
     *
     * A file that is not a database or that {@code PRAGMA quick_check} finds corrupt does not fail the open: it
     * is moved aside and what can be read of it is copied into a fresh store (see {@link SqliteSalvage}).
     *
     * @throws StoreException naming the file and the cause when it cannot be opened: an unwritable location,
     *                        an SQLite database of another application, one written by a newer version, or a
     *                        file another process has open
     */
    public static SqliteStateStore open(Path file) {
        return open(file, DEFAULT_BUSY_TIMEOUT_MILLIS);
    }

    static SqliteStateStore open(Path file, int busyTimeoutMillis) {
        Path normalized = file.toAbsolutePath().normalize();
        try {
            return new SqliteStateStore(normalized, busyTimeoutMillis);
        } catch (DamagedException damaged) {
            return SqliteSalvage.recover(normalized, damaged.getMessage(),
                    () -> new SqliteStateStore(normalized, busyTimeoutMillis));
        }
    }

    /** The file is not a database, or SQLite finds it corrupt ({@code PRAGMA quick_check}); the message says how. */
    static final class DamagedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DamagedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The file this store keeps its state in. */
    public Path file() {
        return file;
    }

    private static Connection connect(Path file, int busyTimeoutMillis) {
        try {
            Path directory = file.getParent();
            if (directory != null) {
                Files.createDirectories(directory);
            }
        } catch (IOException | RuntimeException e) {
            throw new StoreException("SQLite store " + file + ": cannot create its directory: " + e, e);
        }
        if (Files.isDirectory(file)) {
            throw new StoreException("SQLite store " + file + ": is a directory", null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyTimeoutMillis);
        try {
            return config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("SQLite store " + file + ": cannot open: " + e.getMessage(), e);
        }
    }

    /** Locks the file, checks what it is, switches it to WAL and brings its schema up to date. */
    private void prepareFile() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Before the first access: the lock taken is then kept, and WAL needs no shared memory.
            pragma(statement, "locking_mode = EXCLUSIVE");
            int applicationId = intPragma(statement, "application_id");
            int version = intPragma(statement, "user_version");
            if (applicationId != 0 && applicationId != SqliteSchema.APPLICATION_ID) {
                throw new StoreException("SQLite store " + file + ": is an SQLite database of another application"
                        + " (application_id " + Integer.toHexString(applicationId) + "), not a Culex store", null);
            }
            if (version > SqliteSchema.VERSION) {
                throw new StoreException("SQLite store " + file + ": schema version " + version
                        + " was written by a newer Culex; this one reads up to version " + SqliteSchema.VERSION
                        + " (upgrade Culex or point persistence_location elsewhere)", null);
            }
            if (version == 0 && tableCount(statement) > 0) {
                throw new StoreException("SQLite store " + file + ": has tables but no Culex schema version;"
                        + " not a Culex store", null);
            }
            quickCheck(statement);
            String mode = stringPragma(statement, "journal_mode = WAL");
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new StoreException("SQLite store " + file + ": cannot switch to WAL mode (journal_mode is "
                        + mode + ")", null);
            }
            pragma(statement, "synchronous = FULL");
            pragma(statement, "journal_size_limit = " + JOURNAL_SIZE_LIMIT_BYTES);
            pragma(statement, "cache_size = -" + CACHE_KIB);
            // A write transaction even when nothing needs migrating: it takes the exclusive lock now.
            statement.execute("BEGIN EXCLUSIVE");
            try {
                for (int step = version; step < SqliteSchema.VERSION; step++) {
                    SqliteSchema.MIGRATIONS.get(step).apply(statement);
                }
                if (version != SqliteSchema.VERSION) {
                    statement.execute("PRAGMA user_version = " + SqliteSchema.VERSION);
                }
                if (applicationId == 0) {
                    statement.execute("PRAGMA application_id = " + SqliteSchema.APPLICATION_ID);
                }
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    statement.execute("ROLLBACK");
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
            try (ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(send_order), 0) + 1 FROM flights")) {
                rows.next();
                nextSendOrder = rows.getLong(1);
            }
        }
    }

    /** SQLite's structural check of every page and index (without the slower cross-checks of integrity_check). */
    private void quickCheck(Statement statement) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("PRAGMA quick_check(20)")) {
            while (rows.next()) {
                problems.add(rows.getString(1));
            }
        }
        if (!problems.equals(List.of("ok"))) {
            throw new DamagedException("PRAGMA quick_check reports: " + String.join("; ", problems), null);
        }
    }

    /** The store's connection, for {@link SqliteSalvage} to copy rows in before the store is handed out. */
    Connection connection() {
        return connection;
    }

    /** After {@link SqliteSalvage} copied flights in: the next send order goes above theirs again. */
    synchronized void reloadSendOrder() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(send_order), 0) + 1 FROM flights")) {
            rows.next();
            nextSendOrder = rows.getLong(1);
        }
    }

    private static void pragma(Statement statement, String pragma) throws SQLException {
        statement.execute("PRAGMA " + pragma);
    }

    private static int intPragma(Statement statement, String pragma) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA " + pragma)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static String stringPragma(Statement statement, String pragma) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA " + pragma)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static int tableCount(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM sqlite_schema")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void discardStatements() {
        for (Reusable statement : all) {
            statement.discard();
        }
    }

    private Reusable prepare(String sql) throws SQLException {
        Reusable statement = new Reusable(sql);
        all.add(statement);
        return statement;
    }

    private RuntimeException openFailure(Exception e) {
        if (e instanceof StoreException || e instanceof DamagedException) {
            return (RuntimeException) e;
        }
        int code = e instanceof SQLException sql ? sql.getErrorCode() & 0xFF : -1;
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
            return new DamagedException((code == SQLITE_NOTADB ? "not an SQLite database: " : "corrupt: ")
                    + e.getMessage(), e);
        }
        if (code == SQLITE_BUSY) {
            return new StoreException("SQLite store " + file + ": in use by another process (is another broker"
                    + " running on the same persistence_location?): " + e.getMessage(), e);
        }
        return new StoreException("SQLite store " + file + ": cannot open: " + e.getMessage(), e);
    }

    // ---- writing ----

    @Override
    public synchronized void apply(List<StoreOperation> operations) {
        ensureOpen();
        if (operations.isEmpty()) {
            return;
        }
        try {
            begin.get().execute();
        } catch (SQLException e) {
            // e.g. a transaction left open because an earlier rollback failed: end it and try once more
            discardStatements();
            try {
                rollback.get().execute();
            } catch (SQLException ignored) {
                // nothing was open
            }
            try {
                begin.get().execute();
            } catch (SQLException again) {
                again.addSuppressed(e);
                discardStatements();
                throw new StoreException("SQLite store " + file + ": cannot begin a transaction: "
                        + again.getMessage(), again);
            }
        }
        int done = 0;
        try {
            for (StoreOperation operation : operations) {
                applyOne(operation);
                done++;
            }
            commit.get().execute();
        } catch (SQLException | RuntimeException e) {
            discardStatements();
            try {
                rollback.get().execute();
            } catch (SQLException rollbackFailure) {
                // SQLite rolls back by itself on some errors (disk full, I/O): then there is nothing left to undo.
                if (!String.valueOf(rollbackFailure.getMessage()).contains("no transaction is active")) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            String failed = done < operations.size()
                    ? " at operation " + (done + 1) + " (" + operations.get(done).getClass().getSimpleName() + ")"
                    : " at commit";
            throw new StoreException("SQLite store " + file + ": a batch of " + operations.size()
                    + " operations was not stored, nothing of it applied; failed" + failed + ": " + e.getMessage(), e);
        }
    }

    private void applyOne(StoreOperation operation) throws SQLException {
        if (operation instanceof SessionSaved saved) {
            PreparedStatement statement = saveSession.get();
            statement.setString(1, saved.clientId());
            statement.setLong(2, saved.expiryIntervalSeconds());
            statement.executeUpdate();
        } else if (operation instanceof SessionDisconnected disconnected) {
            PreparedStatement statement = disconnectSession.get();
            statement.setLong(1, disconnected.atEpochMillis());
            statement.setString(2, disconnected.clientId());
            statement.executeUpdate();
        } else if (operation instanceof SessionDeleted deleted) {
            for (Reusable delete : deleteSession) {
                PreparedStatement statement = delete.get();
                statement.setString(1, deleted.clientId());
                statement.executeUpdate();
            }
        } else if (operation instanceof SubscriptionSaved saved) {
            Subscription subscription = saved.subscription();
            PreparedStatement statement = saveSubscription.get();
            statement.setString(1, saved.clientId());
            statement.setString(2, subscription.filter());
            statement.setInt(3, subscription.maxQos().value());
            statement.setInt(4, subscription.noLocal() ? 1 : 0);
            statement.setInt(5, subscription.retainAsPublished() ? 1 : 0);
            statement.setInt(6, subscription.retainHandling().ordinal());
            statement.setInt(7, subscription.identifier());
            statement.executeUpdate();
        } else if (operation instanceof SubscriptionDeleted deleted) {
            PreparedStatement statement = deleteSubscription.get();
            statement.setString(1, deleted.clientId());
            statement.setString(2, deleted.filter());
            statement.executeUpdate();
        } else if (operation instanceof Enqueued enqueued) {
            PreparedStatement statement = enqueue.get();
            statement.setString(1, enqueued.clientId());
            statement.setLong(2, enqueued.sequence());
            statement.setBytes(3, codec.encode(enqueued.delivery()));
            statement.executeUpdate();
        } else if (operation instanceof Dequeued dequeued) {
            PreparedStatement statement = dequeue.get();
            statement.setString(1, dequeued.clientId());
            statement.setLong(2, dequeued.sequence());
            statement.executeUpdate();
        } else if (operation instanceof FlightStarted started) {
            PreparedStatement statement = startFlight.get();
            statement.setString(1, started.clientId());
            statement.setInt(2, started.packetId());
            statement.setLong(3, nextSendOrder++);
            statement.setBytes(4, codec.encode(started.delivery()));
            statement.executeUpdate();
        } else if (operation instanceof FlightReleased released) {
            PreparedStatement statement = releaseFlight.get();
            statement.setString(1, released.clientId());
            statement.setInt(2, released.packetId());
            statement.executeUpdate();
        } else if (operation instanceof FlightEnded ended) {
            PreparedStatement statement = endFlight.get();
            statement.setString(1, ended.clientId());
            statement.setInt(2, ended.packetId());
            statement.executeUpdate();
        } else if (operation instanceof InboundQos2Received received) {
            PreparedStatement statement = receiveInbound.get();
            statement.setString(1, received.clientId());
            statement.setInt(2, received.packetId());
            statement.executeUpdate();
        } else if (operation instanceof InboundQos2Released released) {
            PreparedStatement statement = releaseInbound.get();
            statement.setString(1, released.clientId());
            statement.setInt(2, released.packetId());
            statement.executeUpdate();
        } else if (operation instanceof RetainedSaved saved) {
            PreparedStatement statement = saveRetained.get();
            statement.setString(1, saved.message().topic());
            statement.setBytes(2, codec.encode(saved.message()));
            statement.executeUpdate();
        } else if (operation instanceof RetainedDeleted deleted) {
            PreparedStatement statement = deleteRetained.get();
            statement.setString(1, deleted.topic());
            statement.executeUpdate();
        } else {
            throw new IllegalArgumentException("unknown operation " + operation);
        }
    }

    // ---- reading ----

    /** Session data as read, before the lists are frozen into a {@link RecoveredSession}. */
    private static final class SessionRows {
        final String clientId;
        final long expiry;
        final long disconnectedAt;
        final List<Subscription> subscriptions = new ArrayList<>();
        final List<RecoveredFlight> flights = new ArrayList<>();
        final List<Integer> inbound = new ArrayList<>();
        long queued;

        SessionRows(String clientId, long expiry, long disconnectedAt) {
            this.clientId = clientId;
            this.expiry = expiry;
            this.disconnectedAt = disconnectedAt;
        }
    }

    @Override
    public synchronized RecoveredState recover() {
        ensureOpen();
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
            try {
                return recover(statement);
            } finally {
                statement.execute("COMMIT");
            }
        } catch (SQLException e) {
            throw new StoreException("SQLite store " + file + ": cannot read the state back: " + e.getMessage(), e);
        }
    }

    private RecoveredState recover(Statement statement) throws SQLException {
        Map<String, SessionRows> sessions = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery(
                "SELECT client_id, expiry, disconnected_at FROM sessions ORDER BY rowid")) {
            while (rows.next()) {
                String clientId = rows.getString(1);
                sessions.put(clientId, new SessionRows(clientId, rows.getLong(2), rows.getLong(3)));
            }
        }
        try (ResultSet rows = statement.executeQuery("SELECT client_id, filter, qos, no_local, retain_as_published,"
                + " retain_handling, identifier FROM subscriptions ORDER BY rowid")) {
            while (rows.next()) {
                SessionRows session = sessions.get(rows.getString(1));
                if (session != null) {
                    session.subscriptions.add(new Subscription(rows.getString(2), QoS.of(rows.getInt(3)),
                            rows.getInt(4) != 0, rows.getInt(5) != 0, RetainHandling.of(rows.getInt(6)),
                            rows.getInt(7)));
                }
            }
        }
        try (ResultSet rows = statement.executeQuery(
                "SELECT client_id, packet_id, released, delivery FROM flights ORDER BY send_order")) {
            while (rows.next()) {
                SessionRows session = sessions.get(rows.getString(1));
                if (session != null) {
                    int packetId = rows.getInt(2);
                    session.flights.add(new RecoveredFlight(packetId,
                            decode(rows.getBytes(4), session.clientId, "flight " + packetId), rows.getInt(3) != 0));
                }
            }
        }
        try (ResultSet rows = statement.executeQuery("SELECT client_id, packet_id FROM inbound_qos2 ORDER BY rowid")) {
            while (rows.next()) {
                SessionRows session = sessions.get(rows.getString(1));
                if (session != null) {
                    session.inbound.add(rows.getInt(2));
                }
            }
        }
        try (ResultSet rows = statement.executeQuery("SELECT client_id, COUNT(*) FROM queue GROUP BY client_id")) {
            while (rows.next()) {
                SessionRows session = sessions.get(rows.getString(1));
                if (session != null) {
                    session.queued = rows.getLong(2);
                }
            }
        }
        List<StoredMessage> retained = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT topic, message FROM retained ORDER BY rowid")) {
            while (rows.next()) {
                byte[] blob = rows.getBytes(2);
                try {
                    retained.add(BlobCodec.decodeMessage(blob));
                } catch (IllegalArgumentException e) {
                    throw new StoreException("SQLite store " + file + ": retained message of topic '"
                            + rows.getString(1) + "': " + e.getMessage(), e);
                }
            }
        }
        List<RecoveredSession> recovered = new ArrayList<>(sessions.size());
        for (SessionRows s : sessions.values()) {
            recovered.add(new RecoveredSession(s.clientId, s.expiry, s.disconnectedAt, s.subscriptions, s.flights,
                    s.inbound, s.queued));
        }
        return new RecoveredState(recovered, retained);
    }

    @Override
    public synchronized List<QueuedMessage> readQueue(String clientId, long afterSequence, int limit) {
        ensureOpen();
        if (limit <= 0) {
            return List.of();
        }
        try {
            PreparedStatement select = selectQueue.get();
            select.setString(1, clientId);
            select.setLong(2, afterSequence);
            select.setInt(3, limit);
            List<QueuedMessage> page = new ArrayList<>(Math.min(limit, 1_024));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long sequence = rows.getLong(1);
                    page.add(new QueuedMessage(sequence, decode(rows.getBytes(2), clientId, "queued message " + sequence)));
                }
            }
            return page;
        } catch (SQLException e) {
            discardStatements();
            throw new StoreException("SQLite store " + file + ": cannot read the queue of '" + clientId + "': "
                    + e.getMessage(), e);
        }
    }

    private StoredDelivery decode(byte[] blob, String clientId, String what) {
        try {
            return BlobCodec.decodeDelivery(blob);
        } catch (IllegalArgumentException e) {
            throw new StoreException("SQLite store " + file + ": " + what + " of '" + clientId + "': "
                    + e.getMessage(), e);
        }
    }

    // ---- life cycle ----

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("SQLite store " + file + " is closed");
        }
    }

    /** For tests: runs one statement (e.g. a PRAGMA) on the store's own connection. */
    synchronized void executeForTests(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** For tests: the first column of the first row of a query on the store's own connection. */
    synchronized long queryLongForTests(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        SQLException failure = null;
        for (Reusable statement : all) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = e;
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            failure = e;
        }
        if (failure != null) {
            throw new StoreException("SQLite store " + file + ": cannot close: " + failure.getMessage(), failure);
        }
    }

    private void closeQuietly(Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
