package io.culex.adapters.file.journal;

import io.culex.application.spi.Storage;
import io.culex.application.spi.StorageProvider;
import io.culex.application.spi.StorageSettings;
import io.culex.application.storage.DurableStorage;
import io.culex.domain.port.StateStore.StoreException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The {@code file} backend: a {@link FileStateStore} in {@code persistence_location} (default: the current
 * directory), its files named after {@code persistence_file} (default {@code mosquitto.db}):
 * {@code mosquitto.db.journal}, {@code mosquitto.db.snapshot} and {@code mosquitto.db.lock}.
 */
public final class FileStorageProvider implements StorageProvider {

    public static final String NAME = "file";
    public static final String DEFAULT_FILE_NAME = "mosquitto.db";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Storage open(StorageSettings settings) {
        String location = settings.location() == null || settings.location().isBlank() ? "." : settings.location();
        String fileName = settings.fileName() == null || settings.fileName().isBlank()
                ? DEFAULT_FILE_NAME : settings.fileName();
        Path directory;
        try {
            directory = Path.of(location);
            if (Path.of(fileName).getNameCount() != 1 || fileName.contains("/")) {
                throw new InvalidPathException(fileName, "persistence_file must be a file name, not a path");
            }
        } catch (InvalidPathException e) {
            throw new StoreException("bad persistence location '" + location + "' or file '" + fileName + "': "
                    + e.getMessage(), e);
        }
        return new DurableStorage(FileStateStore.open(directory, fileName));
    }
}
