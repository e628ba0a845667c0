package io.culex.adapters.file.sqlite;

import io.culex.application.spi.Storage;
import io.culex.application.spi.StorageProvider;
import io.culex.application.spi.StorageSettings;
import io.culex.application.storage.DurableStorage;
import io.culex.domain.port.StateStore;
import java.nio.file.Path;

/**
 * The {@code sqlite} backend: the durable state in one SQLite file,
 * {@code <persistence_location>/<persistence_file>.sqlite} ({@code culex.sqlite} when no persistence_file is
 * set; a name already ending in {@code .sqlite} is kept). The suffix keeps it apart from a Mosquitto
 * {@code mosquitto.db} and from the {@code file} backend's files in the same directory. Retained messages are
 * served from memory; the broker fills them from {@link StateStore#recover()}.
 */
public final class SqliteStorageProvider implements StorageProvider {

    public static final String NAME = "sqlite";
    public static final String DEFAULT_FILE_NAME = "culex.sqlite";
    static final String SUFFIX = ".sqlite";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Storage open(StorageSettings settings) {
        return new DurableStorage(SqliteStateStore.open(fileOf(settings)));
    }

    /** The database file the settings name: location (default the current directory) and file name. */
    static Path fileOf(StorageSettings settings) {
        String location = settings.location();
        Path directory = location == null || location.isBlank() ? Path.of("") : Path.of(location);
        String fileName = settings.fileName();
        String name = fileName == null || fileName.isBlank() ? DEFAULT_FILE_NAME
                : fileName.endsWith(SUFFIX) ? fileName : fileName + SUFFIX;
        return directory.resolve(name);
    }
}
