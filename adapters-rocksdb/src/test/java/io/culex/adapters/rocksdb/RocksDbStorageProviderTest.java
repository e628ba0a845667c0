package io.culex.adapters.rocksdb;

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

class RocksDbStorageProviderTest {

    @TempDir
    Path temp;

    @Test
    void theServiceLoaderFindsItByName() {
        assertInstanceOf(RocksDbStorageProvider.class, StorageProviders.byName("rocksdb"));
    }

    @Test
    void itOpensADurableStoreInTheLocationNamedAfterTheFile() {
        StorageSettings settings = new StorageSettings(temp.toString(), "culex.db");
        try (Storage storage = StorageProviders.byName("rocksdb").open(settings)) {
            assertTrue(storage.durable());
            assertInstanceOf(MemoryRetainedStore.class, storage.retained());
            storage.state().apply(List.of(new SessionSaved("c", 60)));
        }
        assertTrue(Files.isDirectory(temp.resolve("culex.db.rocksdb")));
        try (Storage again = StorageProviders.byName("rocksdb").open(settings)) {
            assertEquals(1, again.state().recover().sessions().size(), "closing released the store");
        }
    }

    @Test
    void withoutSettingsItUsesTheCurrentDirectoryAndMosquittosFileName() {
        assertEquals(Path.of(".", "mosquitto.db.rocksdb"), RocksDbStorageProvider.directory(StorageSettings.inMemory()));
        assertEquals(Path.of("/var/lib/culex", "x.db.rocksdb"),
                RocksDbStorageProvider.directory(new StorageSettings("/var/lib/culex", "x.db")));
    }

    @Test
    void anUnwritableLocationFailsAtOpenNamingThePath() throws IOException {
        Path blocked = Files.writeString(temp.resolve("file"), "in the way");
        StoreException failure = assertThrows(StoreException.class,
                () -> StorageProviders.byName("rocksdb").open(new StorageSettings(blocked.toString(), "culex.db")));
        assertTrue(failure.getMessage().contains(blocked.resolve("culex.db.rocksdb").toString()), failure.getMessage());
    }
}
