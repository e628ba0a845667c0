package io.culex.adapters.rocksdb;

import io.culex.application.spi.Storage;
import io.culex.application.spi.StorageProvider;
import io.culex.application.spi.StorageSettings;
import io.culex.application.storage.DurableStorage;
import io.culex.domain.port.StateStore;
import java.nio.file.Path;

/**
 * The {@code rocksdb} backend: sessions and retained messages in a RocksDB database in the directory
 * {@code <persistence_location>/<persistence_file>.rocksdb}. The broker reads retained messages from memory
 * and fills that from {@link StateStore#recover()} at start-up.
 */
public final class RocksDbStorageProvider implements StorageProvider {

    public static final String NAME = "rocksdb";

    /** Mosquitto's default persistence_file. */
    static final String DEFAULT_FILE_NAME = "mosquitto.db";

    static final String DIRECTORY_SUFFIX = ".rocksdb";

    @Override
    public String name() {
        return NAME;
    }

    /** Where the store of these settings lives: the location (current directory if none) and the file name. */
    public static Path directory(StorageSettings settings) {
        String location = settings.location() == null || settings.location().isEmpty() ? "." : settings.location();
        String fileName = settings.fileName() == null || settings.fileName().isEmpty()
                ? DEFAULT_FILE_NAME : settings.fileName();
        return Path.of(location).resolve(fileName + DIRECTORY_SUFFIX);
    }

    /** @throws StateStore.StoreException if the store cannot be opened (the message names the directory) */
    @Override
    public Storage open(StorageSettings settings) {
        return new DurableStorage(RocksDbStateStore.open(directory(settings)));
    }
}
