package io.culex.application.bridge;

/** Where a bridge is in its life, as the log, the notifications and the admin views show it. */
public enum BridgeState {
    /** Lazy bridge waiting for {@code threshold} messages; or a {@code once} bridge that has ended. */
    IDLE,
    CONNECTING,
    CONNECTED,
    /** Waiting {@code restart_timeout} before the next attempt. */
    WAITING_TO_RETRY,
    STOPPED
}
