package io.culex.adapters.rocksdb;

import io.culex.domain.port.StateStore;
import io.culex.domain.port.StateStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The shared contract against RocksDB: reopening opens the same directory again. */
class RocksDbStateStoreContractTest extends StateStoreContract {

    @TempDir
    Path temp;

    @Override
    protected StateStore createStore() {
        return RocksDbStateStore.open(temp.resolve("store.rocksdb"));
    }

    @Override
    protected StateStore reopen(StateStore closed) {
        return RocksDbStateStore.open(((RocksDbStateStore) closed).directory());
    }
}
