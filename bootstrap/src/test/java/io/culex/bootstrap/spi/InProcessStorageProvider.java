package io.culex.bootstrap.spi;

import io.culex.application.spi.Storage;
import io.culex.application.spi.StorageProvider;
import io.culex.application.spi.StorageSettings;
import io.culex.application.storage.memory.MemoryRetainedStore;
import io.culex.application.storage.memory.MemoryStateStore;
import io.culex.domain.port.RetainedStore;
import io.culex.domain.port.StateStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A storage backend defined only in test code, as a third party would write one: found through
 * {@code META-INF/services}, chosen with {@code persistence_backend in-process}. Its "disk" is a map
 * of stores by persistence_location that outlives each broker in the JVM, so a test can restart one.
 */
public final class InProcessStorageProvider implements StorageProvider {

    public static final String NAME = "in-process";
    private static final Map<String, MemoryStateStore> DISKS = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Storage open(StorageSettings settings) {
        StateStore state = DISKS.computeIfAbsent(settings.location() + "/" + settings.fileName(),
                where -> new MemoryStateStore());
        RetainedStore retained = new MemoryRetainedStore();
        return new Storage() {
            @Override
            public RetainedStore retained() {
                return retained;
            }

            @Override
            public StateStore state() {
                return state;
            }

            @Override
            public boolean durable() {
                return true;
            }

            @Override
            public void close() {
                // the "disk" stays for the next broker
            }
        };
    }
}
