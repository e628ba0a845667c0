/**
 * Storage backends on local files: {@code file} ({@link io.culex.adapters.file.journal}, an append-only journal
 * of checksummed batches with snapshot compaction) and {@code sqlite} ({@link io.culex.adapters.file.sqlite},
 * SQLite in WAL mode through sqlite-jdbc). No JDBC or SQLite type leaves this module.
 */
package io.culex.adapters.file;
