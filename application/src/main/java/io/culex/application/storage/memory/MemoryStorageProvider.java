package io.culex.application.storage.memory;

import io.culex.application.spi.Storage;
import io.culex.application.spi.StorageProvider;
import io.culex.application.spi.StorageSettings;
import io.culex.domain.port.RetainedStore;
import io.culex.domain.port.StateStore;

/** The reference backend: everything in memory, nothing survives a restart (Mosquitto without persistence). */
public final class MemoryStorageProvider implements StorageProvider {

    public static final String NAME = "memory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Storage open(StorageSettings settings) {
        RetainedStore retained = new MemoryRetainedStore();
        StateStore state = new MemoryStateStore();
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
                return false;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }
}
