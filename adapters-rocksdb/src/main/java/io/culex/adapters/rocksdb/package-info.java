/**
 * The {@code rocksdb} storage backend: {@link io.culex.adapters.rocksdb.RocksDbStateStore} keeps persistent
 * sessions and retained messages in a RocksDB database, one column family per kind of data;
 * {@link io.culex.adapters.rocksdb.RocksDbStorageProvider} registers it under the name {@code rocksdb}.
 * No RocksDB type leaves this package.
 *
 * <p>A store RocksDB reports corrupt never stops the start-up: every open checks the table files' block checksums
 * ({@code verifyChecksum}); on a corruption the directory is moved whole to {@code <dir>.damaged-<epochmillis>}, a
 * fresh store is created in its place and every row still readable is copied into it ({@code Salvage}: RocksJava
 * has no binding for {@code RepairDB}), with the rows copied per column family and the errors logged on
 * {@code io.culex.store}; when nothing can be read, an ERROR says everything in it was lost.
 */
package io.culex.adapters.rocksdb;
