package io.culex.adapters.file.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.spi.Storage;
import io.culex.application.spi.StorageProviders;
import io.culex.application.spi.StorageSettings;
import io.culex.application.storage.memory.MemoryRetainedStore;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.port.StateStore.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStorageProviderTest {

    @TempDir
    Path directory;

    @Test
    void theBackendIsFoundByNameAndIsDurable() {
        StorageSettings settings = new StorageSettings(directory.toString(), null);
        try (Storage storage = StorageProviders.byName("sqlite").open(settings)) {
            assertTrue(storage.durable());
            assertInstanceOf(MemoryRetainedStore.class, storage.retained());
            assertEquals(0, storage.retained().size());
            storage.state().apply(List.of(new SessionSaved("c1", 60)));
        }
        assertTrue(Files.isRegularFile(directory.resolve("culex.sqlite")));
        try (Storage storage = StorageProviders.byName("sqlite").open(settings)) {
            assertEquals(1, storage.state().recover().sessions().size(), "close released the file; state kept");
        }
    }

    @Test
    void theFileIsNamedAfterPersistenceFileWithASqliteSuffix() {
        Path dir = Path.of("/var/lib/culex");
        assertEquals(dir.resolve("culex.sqlite"), SqliteStorageProvider.fileOf(new StorageSettings("/var/lib/culex", null)));
        assertEquals(dir.resolve("mosquitto.db.sqlite"),
                SqliteStorageProvider.fileOf(new StorageSettings("/var/lib/culex/", "mosquitto.db")));
        assertEquals(dir.resolve("state.sqlite"),
                SqliteStorageProvider.fileOf(new StorageSettings("/var/lib/culex", "state.sqlite")));
        assertEquals(Path.of("culex.sqlite"), SqliteStorageProvider.fileOf(new StorageSettings(null, "")));
    }

    @Test
    void aLocationThatCannotHoldTheFileFailsAtOpen() throws IOException {
        Path blocker = Files.writeString(directory.resolve("not-a-directory"), "x");
        StoreException failure = assertThrows(StoreException.class, () -> StorageProviders.byName("sqlite")
                .open(new StorageSettings(blocker.resolve("sub").toString(), null)));
        assertTrue(failure.getMessage().contains(blocker.toString()), failure.getMessage());
    }
}
