package io.culex.bootstrap.tools.bench;

/**
 * Spaces one publisher's messages at a fixed rate from a start time: message n is due at
 * start + n / rate. Late messages are sent at once (the schedule does not drift), so the average rate holds.
 */
final class RatePacer {

    private final long startNanos;
    private final double nanosPerMessage;

    RatePacer(int messagesPerSecond, long startNanos) {
        this.startNanos = startNanos;
        this.nanosPerMessage = 1e9 / messagesPerSecond;
    }

    /** Nanoseconds from {@code now} until message number {@code sent} is due; zero or less means now. */
    long nanosUntil(long sent, long now) {
        return startNanos + (long) (sent * nanosPerMessage) - now;
    }
}
