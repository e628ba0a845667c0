package io.culex.bootstrap.e2e;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Bounded polling for state the broker reaches asynchronously (counters, session cleanup). */
final class RawAwait {

    private RawAwait() {
    }

    /** Polls until {@code actual} returns {@code expected}; fails with the last value seen otherwise. */
    static void untilEquals(String what, long expected, LongSupplier actual, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        long last = actual.getAsLong();
        while (last != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            last = actual.getAsLong();
        }
        if (last != expected) {
            throw new AssertionError(what + ": expected " + expected + " within " + within.toMillis() + " ms but was " + last);
        }
    }
}
