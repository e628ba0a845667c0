package io.culex.application.bridge;

/** {@code start_type}: when a bridge connects and whether it reconnects. */
public enum BridgeStartType {
    /** Connects at start-up and reconnects after {@code restart_timeout}. */
    AUTOMATIC,
    /** Connects once {@code threshold} messages wait for the remote; disconnects after {@code idle_timeout}. */
    LAZY,
    /** Connects at start-up; never reconnects. */
    ONCE
}
