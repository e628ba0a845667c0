package io.culex.bootstrap.tools.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Bounded waits for the connections of a run, turning failures into {@link BenchFailure}s. */
final class Awaits {

    private static final long POLL_MILLIS = 20;

    private Awaits() {
    }

    /** Waits until every future completes; the first failure or the timeout ends the run. */
    static void all(List<? extends CompletableFuture<?>> futures, Duration timeout, String what) throws BenchFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompletableFuture<?> future : futures) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof BenchFailure failure) {
                    throw failure;
                }
                throw new BenchFailure(what + ": " + ConnectionFailures.describe(e.getCause()), e.getCause());
            } catch (TimeoutException e) {
                long done = futures.stream().filter(CompletableFuture::isDone).count();
                throw new BenchFailure("timed out after " + DurationArgument.format(timeout) + " waiting for " + what
                        + " (" + done + " of " + futures.size() + " done)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchFailure("interrupted waiting for " + what);
            }
        }
    }

    /**
     * Waits until {@code done}, or until {@code progress} has not moved for {@code stall}.
     *
     * @return true if done, false if it stalled
     */
    static boolean untilDoneOrStalled(BooleanSupplier done, LongSupplier progress, Duration stall) {
        long last = progress.getAsLong();
        long lastMove = System.nanoTime();
        while (!done.getAsBoolean()) {
            long now = System.nanoTime();
            long current = progress.getAsLong();
            if (current != last) {
                last = current;
                lastMove = now;
            } else if (now - lastMove > stall.toNanos()) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return done.getAsBoolean();
            }
        }
        return true;
    }
}
