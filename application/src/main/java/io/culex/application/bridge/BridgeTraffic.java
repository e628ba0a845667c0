package io.culex.application.bridge;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A bridge's counters, written from the link's event loop and the timer thread, read by the status views.
 * The queue figures are the local session's, refreshed by the bridge's periodic check.
 */
final class BridgeTraffic {

    private final LongSupplier clock;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong connectAttempts = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private volatile long lastMessageMillis;
    private volatile long queued;
    private volatile long dropped;

    BridgeTraffic(LongSupplier monotonicClock) {
        this.clock = monotonicClock;
        this.lastMessageMillis = monotonicClock.getAsLong();
    }

    void sent() {
        sent.incrementAndGet();
        lastMessageMillis = clock.getAsLong();
    }

    void received() {
        received.incrementAndGet();
        lastMessageMillis = clock.getAsLong();
    }

    void connectAttempt() {
        connectAttempts.incrementAndGet();
    }

    void connectFailure() {
        connectFailures.incrementAndGet();
    }

    /** A connection starts: the idle time of a lazy bridge counts from here. */
    void resetIdle() {
        lastMessageMillis = clock.getAsLong();
    }

    long idleMillis() {
        return clock.getAsLong() - lastMessageMillis;
    }

    void queue(long queuedNow, long droppedSoFar) {
        queued = queuedNow;
        dropped = droppedSoFar;
    }

    long sentCount() {
        return sent.get();
    }

    long receivedCount() {
        return received.get();
    }

    long connectAttempts() {
        return connectAttempts.get();
    }

    long connectFailures() {
        return connectFailures.get();
    }

    long queued() {
        return queued;
    }

    long dropped() {
        return dropped;
    }
}
