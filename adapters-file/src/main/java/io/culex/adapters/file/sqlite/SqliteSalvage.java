package io.culex.adapters.file.sqlite;

import io.culex.domain.port.StateStore.StoreException;
import java.io.IOException;
import java.lang.System.Logger.Level;
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
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;

/**
 * What happens to an SQLite store that is not a database or that {@code PRAGMA quick_check} finds corrupt
 * (issue 4): the start-up goes on. The file and its {@code -wal}, {@code -shm} and {@code -journal} companions are
 * moved to {@code <file>.damaged-<epochmillis>} (plus the same suffixes, so SQLite still pairs them), a fresh
 * store is created in its place, and what can be read of the damaged copy (opened read-only) is copied in, table
 * by table, in rowid order and chunks of {@value #CHUNK} rows, keeping each row's rowid (the stores' order). A
 * read that fails keeps the rows it returned before the error and resumes past the damage by probing rowids
 * further on (1, 2, 4, ... past the last one read), so the rows on damaged pages are lost and the rest kept; a
 * queued, in-flight or retained message whose bytes no longer decode is dropped, and so are the rows of
 * sessions that were lost. The rows kept per table and the errors hit are logged on {@code io.culex.store}; when
 * nothing could be read, an ERROR says everything in the store was lost.
 */
final class SqliteSalvage {

    private static final System.Logger LOG = System.getLogger("io.culex.store");
    static final int CHUNK = 500;
    private static final int MOST_ERRORS_LOGGED = 20;

    /** Each table's columns as {@link SqliteSchema} version 1 creates them, sessions first. */
    private static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("sessions", List.of("client_id", "expiry", "disconnected_at"));
        TABLES.put("subscriptions", List.of("client_id", "filter", "qos", "no_local", "retain_as_published",
                "retain_handling", "identifier"));
        TABLES.put("queue", List.of("client_id", "seq", "delivery"));
        TABLES.put("flights", List.of("client_id", "packet_id", "send_order", "released", "delivery"));
        TABLES.put("inbound_qos2", List.of("client_id", "packet_id"));
        TABLES.put("retained", List.of("topic", "message"));
    }

    private final Path damaged;
    private final Connection target;
    private final Map<String, Long> kept = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private long undecodable;

    private SqliteSalvage(Path damaged, Connection target) {
        this.damaged = damaged;
        this.target = target;
    }

    static SqliteStateStore recover(Path file, String damage, Supplier<SqliteStateStore> fresh) {
        Path aside;
        try {
            aside = moveAside(file);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("SQLite store " + file + ": is damaged (" + damage
                    + ") and cannot be moved aside: " + e, e);
        }
        LOG.log(Level.WARNING, "SQLite store " + file + ": is damaged (" + damage + "); it was moved to " + aside
                + " and a fresh store is created in its place; every row that can still be read is copied into it");
        SqliteStateStore store = fresh.get();
        SqliteSalvage salvage = new SqliteSalvage(aside, store.connection());
        long orphans = 0;
        try {
            salvage.copyAll();
            orphans = salvage.removeOrphans();
            store.reloadSendOrder();
        } catch (SQLException e) {
            salvage.errors.add("copying into the fresh store failed: " + e.getMessage());
        }
        salvage.report(file, orphans);
        return store;
    }

    private static Path moveAside(Path file) throws IOException {
        long now = System.currentTimeMillis();
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + now);
        for (int i = 1; Files.exists(aside); i++) {
            aside = file.resolveSibling(file.getFileName() + ".damaged-" + now + "-" + i);
        }
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion)) {
                Files.move(companion, aside.resolveSibling(aside.getFileName() + suffix));
            }
        }
        Files.move(file, aside);
        return aside;
    }

    private void copyAll() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection source;
        try {
            source = config.createConnection("jdbc:sqlite:" + damaged);
        } catch (SQLException e) {
            errors.add("cannot open the damaged copy: " + e.getMessage());
            return;
        }
        try (source) {
            for (Map.Entry<String, List<String>> table : TABLES.entrySet()) {
                copyTable(source, table.getKey(), table.getValue());
            }
        }
    }

    /** Copies one table in rowid chunks; a failing read keeps what it returned and resumes past the damage. */
    private void copyTable(Connection source, String table, List<String> columns) throws SQLException {
        String names = String.join(", ", columns);
        String select = "SELECT rowid, " + names + " FROM " + table + " WHERE rowid > ? ORDER BY rowid LIMIT " + CHUNK;
        String insert = "INSERT OR IGNORE INTO " + table + " (rowid, " + names + ") VALUES (?"
                + ", ?".repeat(columns.size()) + ")";
        long count = 0;
        long after = 0;
        long step = 1;
        long skippedFrom = -1;
        String skippedBecause = null;
        try (PreparedStatement write = target.prepareStatement(insert)) {
            while (true) {
                List<Object[]> rows = new ArrayList<>();
                String failure = null;
                // a statement whose step failed is finalised by the driver: a new one per chunk
                try (PreparedStatement read = source.prepareStatement(select)) {
                    read.setLong(1, after);
                    try (ResultSet result = read.executeQuery()) {
                        while (result.next()) {
                            Object[] row = new Object[columns.size() + 1];
                            for (int i = 0; i < row.length; i++) {
                                row[i] = result.getObject(i + 1);
                            }
                            rows.add(row);
                        }
                    }
                } catch (SQLException e) {
                    failure = e.getMessage();
                }
                if (!rows.isEmpty() && skippedFrom >= 0) {
                    error(table + ": rows with rowid from " + skippedFrom + " to " + ((Number) rows.get(0)[0]).longValue()
                            + " (exclusive) are unreadable (" + skippedBecause + ")");
                    skippedFrom = -1;
                }
                count += insert(write, table, columns, rows);
                if (!rows.isEmpty()) {
                    after = ((Number) rows.get(rows.size() - 1)[0]).longValue();
                    step = 1;
                }
                if (failure == null && rows.size() < CHUNK) {
                    if (skippedFrom >= 0) {
                        error(table + ": rows with rowid from " + skippedFrom + " on are unreadable ("
                                + skippedBecause + ")");
                    }
                    break;
                }
                if (failure != null && rows.isEmpty()) {
                    if (skippedFrom < 0) {
                        skippedFrom = after + 1;
                        skippedBecause = failure;
                    }
                    if (step > (1L << 62) || after > Long.MAX_VALUE - step) {
                        error(table + ": rows with rowid from " + skippedFrom + " on are unreadable (" + failure + ")");
                        break;
                    }
                    after += step;
                    step <<= 1;
                }
            }
        }
        kept.put(table, count);
    }

    /** Writes a chunk of rows in one transaction; a row that cannot be written or decoded is dropped. */
    private long insert(PreparedStatement write, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        long written = 0;
        try (Statement statement = target.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            for (Object[] row : rows) {
                if (!decodes(table, columns, row)) {
                    undecodable++;
                    continue;
                }
                try {
                    for (int i = 0; i < row.length; i++) {
                        write.setObject(i + 1, row[i]);
                    }
                    written += write.executeUpdate();
                } catch (SQLException e) {
                    error(table + ": row " + row[0] + " cannot be written back (" + e.getMessage() + ")");
                }
            }
            statement.execute("COMMIT");
        }
        return written;
    }

    /** Whether a row's message bytes still decode (SQLite does not checksum them). */
    private static boolean decodes(String table, List<String> columns, Object[] row) {
        try {
            if (table.equals("queue") || table.equals("flights")) {
                BlobCodec.decodeDelivery((byte[]) row[columns.indexOf("delivery") + 1]);
            } else if (table.equals("retained")) {
                BlobCodec.decodeMessage((byte[]) row[columns.indexOf("message") + 1]);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Rows of sessions that were lost would belong to no one: they go. */
    private long removeOrphans() throws SQLException {
        long removed = 0;
        try (Statement statement = target.createStatement()) {
            for (String table : List.of("subscriptions", "queue", "flights", "inbound_qos2")) {
                removed += statement.executeUpdate("DELETE FROM " + table
                        + " WHERE client_id NOT IN (SELECT client_id FROM sessions)");
            }
        }
        return removed;
    }

    private void error(String message) {
        errors.add(message);
    }

    private void report(Path file, long orphans) {
        for (int i = 0; i < Math.min(errors.size(), MOST_ERRORS_LOGGED); i++) {
            LOG.log(Level.WARNING, "SQLite store " + file + ": salvaging from " + damaged + ": " + errors.get(i));
        }
        if (errors.size() > MOST_ERRORS_LOGGED) {
            LOG.log(Level.WARNING, "SQLite store " + file + ": " + (errors.size() - MOST_ERRORS_LOGGED)
                    + " more errors salvaging from " + damaged);
        }
        long total = kept.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            LOG.log(Level.ERROR, "SQLite store " + file + ": EVERYTHING IN IT WAS LOST: no row could be read from"
                    + " the damaged copy " + damaged + " (kept as found); the broker starts with an empty store");
            return;
        }
        StringBuilder counts = new StringBuilder();
        kept.forEach((table, rows) -> counts.append(counts.length() == 0 ? "" : ", ").append(table).append(' ')
                .append(rows));
        LOG.log(Level.WARNING, "SQLite store " + file + ": rebuilt from the damaged copy " + damaged + ": rows kept: "
                + counts + (undecodable == 0 ? "" : "; " + undecodable + " messages that no longer decode dropped")
                + (orphans == 0 ? "" : "; " + orphans + " rows of sessions that were lost removed")
                + (errors.isEmpty() ? "; every row could be read" : "; " + errors.size()
                        + (errors.size() == 1 ? " error" : " errors") + " (logged above): the rows they name are lost")
                + ". Later changes to what the lost rows held may have been partial");
    }
}
