package io.culex.bootstrap;

import io.culex.application.Broker;
import io.culex.application.sys.SysTopicsPublisher;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the $SYS tree at start and then every sys_interval seconds, on one daemon thread of
 * its own so a slow update never holds up an event loop. sys_interval 0 disables it, as in Mosquitto.
 */
final class SysTopicsSchedule implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.culex.sys");

    private final ScheduledExecutorService executor;

    private SysTopicsSchedule(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static SysTopicsSchedule start(Broker broker, int intervalSeconds) {
        if (intervalSeconds <= 0) {
            return new SysTopicsSchedule(null);
        }
        SysTopicsPublisher publisher = new SysTopicsPublisher(broker, SystemClock.INSTANCE, Version.current(),
                SysTopicsSchedule::heapUsedBytes);
        publisher.start();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "culex-sys");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleAtFixedRate(() -> publishGuarded(publisher), intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        return new SysTopicsSchedule(executor);
    }

    private static void publishGuarded(SysTopicsPublisher publisher) {
        try {
            publisher.publish();
        } catch (RuntimeException e) {
            // An exception would cancel every later run of a scheduled task; log and keep going.
            LOG.log(System.Logger.Level.ERROR, "$SYS update failed", e);
        }
    }

    private static long heapUsedBytes() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
