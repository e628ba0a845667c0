package io.culex.bootstrap.e2e;

import io.culex.application.bridge.BridgeMonitor;
import io.culex.application.bridge.BridgeState;
import io.culex.application.bridge.BridgeStatus;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Bridges as the views see them, without a bridge runtime: fixed snapshots a test can replace at any time.
 * {@link #CLOUD} is connected, {@link #BACKUP} waits to retry after a refused connection.
 */
final class FixedBridges implements BridgeMonitor {

    /** 2023-11-14T22:13:20Z. */
    static final long CONNECTED_SINCE = 1_700_000_000_000L;
    static final BridgeStatus CLOUD = new BridgeStatus("cloud", BridgeState.CONNECTED, "10.0.0.5:8883",
            CONNECTED_SINCE, 120, 45, 3, 2, 4, 1, "connection reset by the remote");
    static final BridgeStatus BACKUP = new BridgeStatus("backup", BridgeState.WAITING_TO_RETRY, "[fd00::7]:1883", 0,
            0, 0, 17, 5, 9, 9, "CONNACK 0x87 not authorized");

    private final AtomicReference<List<BridgeStatus>> current;

    FixedBridges(BridgeStatus... bridges) {
        current = new AtomicReference<>(List.of(bridges));
    }

    /** The cloud and backup bridges. */
    static FixedBridges cloudAndBackup() {
        return new FixedBridges(CLOUD, BACKUP);
    }

    void set(BridgeStatus... bridges) {
        current.set(List.of(bridges));
    }

    @Override
    public List<BridgeStatus> bridges() {
        return current.get();
    }
}
