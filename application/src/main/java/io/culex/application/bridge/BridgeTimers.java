package io.culex.application.bridge;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The bridges' one timer thread and clocks: restart delays, the lazy bridges' threshold and idle checks, the
 * status refresh, and offline work of a bridge's local session all run here, never on an event loop.
 */
public interface BridgeTimers {

    /** A scheduled task that can still be called off. */
    interface Scheduled {
        void cancel();
    }

    /** Runs {@code task} on the timer thread after {@code delayMillis}. */
    Scheduled schedule(Runnable task, long delayMillis);

    /** Runs {@code task} on the timer thread as soon as it can. */
    void execute(Runnable task);

    /** For durations: a clock that never goes back. */
    long monotonicMillis();

    /** For the status views: milliseconds since the epoch. */
    long epochMillis();

    /** Over a scheduled executor (one thread) and the system clocks. */
    static BridgeTimers on(ScheduledExecutorService executor) {
        return new BridgeTimers() {
            @Override
            public Scheduled schedule(Runnable task, long delayMillis) {
                ScheduledFuture<?> future = executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public void execute(Runnable task) {
                executor.execute(task);
            }

            @Override
            public long monotonicMillis() {
                return System.nanoTime() / 1_000_000;
            }

            @Override
            public long epochMillis() {
                return System.currentTimeMillis();
            }
        };
    }
}
