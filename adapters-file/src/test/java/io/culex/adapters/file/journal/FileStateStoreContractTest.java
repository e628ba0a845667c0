package io.culex.adapters.file.journal;

import io.culex.domain.port.StateStore;
import io.culex.domain.port.StateStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The shared contract against the file backend, each check also after a close and reopen. */
class FileStateStoreContractTest extends StateStoreContract {

    @TempDir
    Path directory;

    @Override
    protected StateStore createStore() {
        return FileStateStore.open(directory, "mosquitto.db");
    }

    @Override
    protected StateStore reopen(StateStore closed) {
        return FileStateStore.open(directory, "mosquitto.db");
    }
}
