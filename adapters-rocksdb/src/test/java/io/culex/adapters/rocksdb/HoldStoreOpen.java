package io.culex.adapters.rocksdb;

import java.io.IOException;
import java.nio.file.Path;

/** Another "broker" for the lock test: opens the store given as argument, says so, and holds it until stdin closes. */
public final class HoldStoreOpen {

    private HoldStoreOpen() {
    }

    public static void main(String[] args) throws IOException {
        try (RocksDbStateStore store = RocksDbStateStore.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our stdin
            }
        }
    }
}
