package io.culex.adapters.file.sqlite;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, versioned with {@code PRAGMA user_version}. {@link #MIGRATIONS} entry {@code i}
 * turns a version-{@code i} file into version {@code i + 1}; entry 0 creates the schema in an empty file.
 * A later version appends its step here and the store runs the missing steps at open, in the same
 * transaction. A file with a higher version than {@link #VERSION} was written by a newer Culex and is refused.
 */
final class SqliteSchema {

    /** "CULX": marks the file as a Culex store ({@code PRAGMA application_id}). */
    static final int APPLICATION_ID = 0x43554C58;

    /** A migration step, run inside the open transaction. */
    @FunctionalInterface
    interface Migration {
        void apply(Statement statement) throws SQLException;
    }

    static final List<Migration> MIGRATIONS = List.of(SqliteSchema::createVersion1);

    /** The version this code reads and writes. */
    static final int VERSION = MIGRATIONS.size();

    private SqliteSchema() {
    }

    /**
     * Tables with a rowid keep insertion order (the reference store's order for sessions, subscriptions,
     * inbound QoS 2 ids and retained messages; an upsert keeps the row's place). The queue is a rowid table
     * too, so that a large payload does not bloat the primary-key B-tree: its primary-key index serves
     * readQueue as a range scan and counts a session's queue without touching the messages.
     */
    private static void createVersion1(Statement statement) throws SQLException {
        statement.executeUpdate("CREATE TABLE sessions ("
                + " client_id TEXT NOT NULL PRIMARY KEY,"
                + " expiry INTEGER NOT NULL,"
                + " disconnected_at INTEGER NOT NULL)");
        statement.executeUpdate("CREATE TABLE subscriptions ("
                + " client_id TEXT NOT NULL,"
                + " filter TEXT NOT NULL,"
                + " qos INTEGER NOT NULL,"
                + " no_local INTEGER NOT NULL,"
                + " retain_as_published INTEGER NOT NULL,"
                + " retain_handling INTEGER NOT NULL,"
                + " identifier INTEGER NOT NULL,"
                + " PRIMARY KEY (client_id, filter))");
        statement.executeUpdate("CREATE TABLE queue ("
                + " client_id TEXT NOT NULL,"
                + " seq INTEGER NOT NULL,"
                + " delivery BLOB NOT NULL,"
                + " PRIMARY KEY (client_id, seq))");
        statement.executeUpdate("CREATE TABLE flights ("
                + " client_id TEXT NOT NULL,"
                + " packet_id INTEGER NOT NULL,"
                + " send_order INTEGER NOT NULL,"
                + " released INTEGER NOT NULL,"
                + " delivery BLOB NOT NULL,"
                + " PRIMARY KEY (client_id, packet_id))");
        statement.executeUpdate("CREATE TABLE inbound_qos2 ("
                + " client_id TEXT NOT NULL,"
                + " packet_id INTEGER NOT NULL,"
                + " PRIMARY KEY (client_id, packet_id))");
        statement.executeUpdate("CREATE TABLE retained ("
                + " topic TEXT NOT NULL PRIMARY KEY,"
                + " message BLOB NOT NULL)");
    }
}
