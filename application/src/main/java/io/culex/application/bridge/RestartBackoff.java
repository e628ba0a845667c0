package io.culex.application.bridge;

import java.util.random.RandomGenerator;

/**
 * The wait before a bridge's next connection attempt ({@code restart_timeout}): constant, or Mosquitto's
 * "decorrelated jitter", {@code sleep = min(cap, random_between(base, previous * 3))}, back to the base once
 * a connection succeeds.
 */
final class RestartBackoff {

    private final RestartTimeout timeout;
    private final RandomGenerator random;
    private long previousSeconds;

    RestartBackoff(RestartTimeout timeout, RandomGenerator random) {
        this.timeout = timeout;
        this.random = random;
        this.previousSeconds = timeout.baseSeconds();
    }

    long nextDelayMillis() {
        if (timeout.isConstant()) {
            return timeout.baseSeconds() * 1000;
        }
        long base = Math.max(1, timeout.baseSeconds());
        long upper = Math.max(base, previousSeconds * 3);
        long sleep = Math.min(timeout.capSeconds(), base + random.nextLong(upper - base + 1));
        previousSeconds = sleep;
        return sleep * 1000;
    }

    /** A connection was made: the next wait starts from the base again. */
    void reset() {
        previousSeconds = timeout.baseSeconds();
    }
}
