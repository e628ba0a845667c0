package io.culex.adapters.file.sqlite;

import io.culex.domain.port.StateStore;
import io.culex.domain.port.StateStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The shared contract, against a store in a temporary directory; reopening opens the same file. */
class SqliteStateStoreContractTest extends StateStoreContract {

    @TempDir
    Path directory;

    @Override
    protected StateStore createStore() {
        return SqliteStateStore.open(directory.resolve("culex.sqlite"));
    }

    @Override
    protected StateStore reopen(StateStore closed) {
        return SqliteStateStore.open(((SqliteStateStore) closed).file());
    }
}
