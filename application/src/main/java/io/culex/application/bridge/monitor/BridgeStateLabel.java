package io.culex.application.bridge;

import java.util.Locale;

/** How the views (admin API, dashboard, metrics, {@code $SYS}) write a state: "connected", "waiting_to_retry". */
public final class BridgeStateLabel {

    private BridgeStateLabel() {
    }

    public static String of(BridgeState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
