package io.culex.bootstrap.e2e.bridge;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Bounded polling for a condition another thread or process brings about; fails with what it last saw. */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** Returns once {@code condition} holds; fails after {@code timeout} with {@code state} in the message. */
    public static void until(Callable<Boolean> condition, Duration timeout, Callable<?> state)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + state.call());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
