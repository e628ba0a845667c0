package io.culex.bootstrap.tools.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The -W limit shared by every wait of one run; without -W, waits end only when their future does. */
final class Deadline {

    private final long endNanos;
    private final boolean bounded;

    private Deadline(long endNanos, boolean bounded) {
        this.endNanos = endNanos;
        this.bounded = bounded;
    }

    static Deadline afterSeconds(int seconds) {
        return seconds <= 0 ? new Deadline(0, false) : new Deadline(System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds), true);
    }

    /**
     * @throws TimeoutException once the deadline passed
     * @throws ExecutionException if the future failed
     */
    <T> T await(CompletableFuture<T> future) throws ExecutionException, TimeoutException {
        try {
            if (!bounded) {
                return future.get();
            }
            return future.get(Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted", e);
        }
    }
}
