package io.culex.bootstrap;

import io.culex.application.Broker;
import io.culex.application.bridge.BridgeMonitor;
import io.culex.application.sys.SysTopicsPublisher;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the $SYS tree at start and then every sys_interval seconds, on one daemon thread of
 * its own so a slow update never holds up an event loop. sys_interval 0 disables it, as in Mosquitto.
 * A reload may change the interval: the schedule restarts with it, and the tree carries on where it was
 * (the version is published once, load averages keep decaying from their values).
 */
final class SysTopicsSchedule implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.culex.sys");

    private final Broker broker;
    private final BridgeMonitor bridges;
    private SysTopicsPublisher publisher; // guarded by this; created with the first non-zero interval
    private ScheduledExecutorService executor; // guarded by this
    private ScheduledFuture<?> updates; // guarded by this
    private int intervalSeconds; // guarded by this
    private boolean closed; // guarded by this

    private SysTopicsSchedule(Broker broker, BridgeMonitor bridges) {
        this.broker = broker;
        this.bridges = bridges;
    }

    static SysTopicsSchedule start(Broker broker, int intervalSeconds, BridgeMonitor bridges) {
        SysTopicsSchedule schedule = new SysTopicsSchedule(broker, bridges);
        schedule.interval(intervalSeconds);
        return schedule;
    }

    /** sys_interval changed (or set at start): updates every {@code seconds} from now on, none with 0. */
    synchronized void interval(int seconds) {
        if (closed || (seconds == intervalSeconds && (seconds <= 0 || updates != null))) {
            return;
        }
        if (updates != null) {
            updates.cancel(false);
            updates = null;
        }
        intervalSeconds = seconds;
        if (seconds <= 0) {
            return;
        }
        if (publisher == null) {
            publisher = new SysTopicsPublisher(broker, SystemClock.INSTANCE, Version.current(),
                    SysTopicsSchedule::heapUsedBytes, bridges);
            publisher.start();
            executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "culex-sys");
                thread.setDaemon(true);
                return thread;
            });
        }
        SysTopicsPublisher current = publisher;
        updates = executor.scheduleAtFixedRate(() -> publishGuarded(current), seconds, seconds, TimeUnit.SECONDS);
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
    public synchronized void close() {
        closed = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
