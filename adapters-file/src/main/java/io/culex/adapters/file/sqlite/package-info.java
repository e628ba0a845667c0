/**
 * The {@code sqlite} storage backend: sessions, queues, flights and retained messages in one SQLite file
 * (WAL, {@code synchronous=FULL}, exclusive lock), through the bundled sqlite-jdbc driver. JDBC and SQLite
 * types stay in this package.
 *
 * <p>Every open runs {@code PRAGMA quick_check}. A file that is not a database or is corrupt never stops the
 * start-up: it is moved aside with its {@code -wal}/{@code -shm} to {@code <file>.damaged-<epochmillis>}, a fresh
 * store takes its place, and {@code SqliteSalvage} copies in what can still be read of the damaged copy, table by
 * table in rowid chunks, skipping the rows it cannot read, and logs the rows kept and the errors hit on
 * {@code io.culex.store}.
 */
package io.culex.adapters.file.sqlite;
