package io.culex.bootstrap.tools.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/** A line on stderr once a second while a run is under way (for a person watching; scripts use --json). */
final class Progress implements AutoCloseable {

    private static final long PERIOD_MILLIS = 1000;

    private final Thread thread;

    private Progress(Thread thread) {
        this.thread = thread;
    }

    /** Prints "[  3s] " and {@code line} every second until closed; does nothing when not {@code enabled}. */
    static Progress start(boolean enabled, PrintStream err, Supplier<String> line) {
        if (!enabled) {
            return new Progress(null);
        }
        long start = System.nanoTime();
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(PERIOD_MILLIS);
                    long seconds = Math.round((System.nanoTime() - start) / 1e9);
                    err.println(String.format(Locale.ROOT, "[%3ds] %s", seconds, line.get()));
                }
            } catch (InterruptedException e) {
                // closed
            }
        }, "bench progress");
        thread.setDaemon(true);
        thread.start();
        return new Progress(thread);
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
