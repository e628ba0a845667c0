package io.culex.application.admin;

import io.culex.application.metrics.BrokerMetrics;

/**
 * The broker's state and counters now: what $SYS publishes, in one read.
 *
 * @param sessions         sessions known (connected or offline persistent)
 * @param retainedBytes    payload bytes of the retained messages
 * @param totals           the cumulative counters since start
 */
public record BrokerStats(long uptimeSeconds, long clientsConnected, int sessions, int subscriptions,
                          int retainedMessages, long retainedBytes, BrokerMetrics.Totals totals) {

    /** Offline persistent sessions ($SYS clients/disconnected). */
    public long clientsDisconnected() {
        return Math.max(0, sessions - clientsConnected);
    }
}
