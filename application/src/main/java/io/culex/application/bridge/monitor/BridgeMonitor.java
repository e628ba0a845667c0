package io.culex.application.bridge;

import java.util.List;

/** The bridges' state, for the views that show it (admin API, dashboard, metrics, {@code $SYS}). */
public interface BridgeMonitor {

    BridgeMonitor NONE = List::of;

    /** One snapshot per configured bridge, in configuration order. */
    List<BridgeStatus> bridges();
}
