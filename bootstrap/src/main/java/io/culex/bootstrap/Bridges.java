package io.culex.bootstrap;

import io.culex.adapters.netty.MqttServer;
import io.culex.adapters.netty.bridge.NettyRemoteConnector;
import io.culex.application.Broker;
import io.culex.application.bridge.BridgeMonitor;
import io.culex.application.bridge.BridgeService;
import io.culex.application.bridge.BridgeSettings;
import io.culex.application.bridge.BridgeTimers;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The configured bridges wired to the broker and to the transport's {@link NettyRemoteConnector}, with their
 * timer thread. Created before the broker recovers its sessions (each bridge's session has limits of its own),
 * started once the listeners are open, closed before the broker and its store.
 */
final class Bridges implements AutoCloseable {

    private final ScheduledExecutorService timerThread;
    private final BridgeService service;

    private Bridges(ScheduledExecutorService timerThread, BridgeService service) {
        this.timerThread = timerThread;
        this.service = service;
    }

    static Bridges create(List<BridgeSettings> configured, Broker broker, MqttServer server) {
        ScheduledExecutorService timerThread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "culex-bridges");
            thread.setDaemon(true);
            return thread;
        });
        return new Bridges(timerThread, new BridgeService(configured, broker, NettyRemoteConnector.on(server),
                BridgeTimers.on(timerThread)));
    }

    void start() {
        service.start();
    }

    BridgeMonitor monitor() {
        return service;
    }

    /** Ends the links; the local sessions stay (offline) for the next start. */
    @Override
    public void close() {
        service.stop();
        timerThread.shutdown();
    }
}
