/**
 * The {@code sqlite} storage backend: sessions, queues, flights and retained messages in one SQLite file
 * (WAL, {@code synchronous=FULL}, exclusive lock), through the bundled sqlite-jdbc driver. JDBC and SQLite
 * types stay in this package.
 */
package io.culex.adapters.file.sqlite;
