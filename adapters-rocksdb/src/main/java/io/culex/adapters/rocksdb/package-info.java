/**
 * The {@code rocksdb} storage backend: {@link io.culex.adapters.rocksdb.RocksDbStateStore} keeps persistent
 * sessions and retained messages in a RocksDB database, one column family per kind of data;
 * {@link io.culex.adapters.rocksdb.RocksDbStorageProvider} registers it under the name {@code rocksdb}.
 * No RocksDB type leaves this package.
 */
package io.culex.adapters.rocksdb;
