package io.culex.application.bridge;

/**
 * A snapshot of one bridge, for the admin API, the dashboard, {@code /metrics} and {@code $SYS}.
 *
 * @param address             the remote address in use or last tried, e.g. "10.0.0.5:1883"
 * @param connectedSinceMillis epoch millis of the current connection, 0 when not connected
 * @param messagesSent        PUBLISHes sent to the remote (every QoS), retransmissions not counted
 * @param messagesReceived    PUBLISHes received from the remote
 * @param queued              messages waiting for the remote (in the bridge's local session)
 * @param dropped             messages for the remote dropped by the queue limits
 * @param lastError           why the last connection ended or failed; null if none
 */
public record BridgeStatus(String name, BridgeState state, String address, long connectedSinceMillis,
                           long messagesSent, long messagesReceived, long queued, long dropped,
                           long connectAttempts, long connectFailures, String lastError) {
}
