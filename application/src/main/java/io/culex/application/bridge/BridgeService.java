package io.culex.application.bridge;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Runs the configured bridges: one {@link Bridge} per {@code connection} section. Create it before the
 * broker recovers its sessions from the store (each bridge's local session has limits of its own), and
 * {@link #start()} it once recovery is done and the listeners are open.
 */
public final class BridgeService implements BridgeMonitor {

    private final List<Bridge> bridges;

    public BridgeService(List<BridgeSettings> configured, BridgeHost broker, RemoteConnector connector,
                         BridgeTimers timers) {
        this(configured, broker, connector, timers, new java.util.Random());
    }

    /** @param random the jitter of {@code restart_timeout base cap} */
    public BridgeService(List<BridgeSettings> configured, BridgeHost broker, RemoteConnector connector,
                         BridgeTimers timers, RandomGenerator random) {
        this.bridges = configured.stream()
                .map(settings -> new Bridge(settings, broker, connector, timers, random))
                .toList();
    }

    public void start() {
        bridges.forEach(Bridge::start);
    }

    /** Ends every link and leaves the local sessions offline; call before the store closes. */
    public void stop() {
        bridges.forEach(Bridge::stop);
    }

    @Override
    public List<BridgeStatus> bridges() {
        return bridges.stream().map(Bridge::status).toList();
    }
}
