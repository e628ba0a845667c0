package io.culex.application.storage;

import io.culex.application.spi.Storage;
import io.culex.application.spi.StorageProvider;
import io.culex.application.storage.memory.MemoryRetainedStore;
import io.culex.domain.port.RetainedStore;
import io.culex.domain.port.StateStore;

/**
 * What a durable backend's {@link StorageProvider#open} returns: its {@link StateStore}, and the retained
 * messages read from memory (the broker fills them from {@link StateStore#recover()} at start-up).
 */
public final class DurableStorage implements Storage {

    private final StateStore state;
    private final RetainedStore retained = new MemoryRetainedStore();

    public DurableStorage(StateStore state) {
        this.state = state;
    }

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
        state.close();
    }
}
