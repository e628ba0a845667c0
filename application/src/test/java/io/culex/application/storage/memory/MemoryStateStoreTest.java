package io.culex.application.storage.memory;

import io.culex.domain.port.StateStore;
import io.culex.domain.port.StateStoreContract;

/** The reference store against the contract (its state lives as long as the object). */
class MemoryStateStoreTest extends StateStoreContract {

    @Override
    protected StateStore createStore() {
        return new MemoryStateStore();
    }

    @Override
    protected StateStore reopen(StateStore closed) {
        return closed;
    }
}
