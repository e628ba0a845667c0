package io.culex.bootstrap.e2e;

import io.culex.application.bridge.BridgeMonitor;
import io.culex.bootstrap.CulexBroker;
import io.culex.bootstrap.config.BrokerConfig;
import io.culex.bootstrap.config.ConfigParser;
import java.nio.file.Path;
import java.util.Optional;

/** A broker started in-process on a free loopback port, for end-to-end tests over a real socket. */
final class RunningBroker implements AutoCloseable {

    private final CulexBroker broker;
    private final BrokerConfig config;

    private RunningBroker(CulexBroker broker, BrokerConfig config) {
        this.broker = broker;
        this.config = config;
    }

    /**
     * Starts with anonymous access on 127.0.0.1 and an ephemeral port, plus {@code extraConfigLines}.
     * $SYS updates are off unless a test sets sys_interval (a later line wins), so retained counts
     * and "$SYS/#" subscriptions see only what the test itself published.
     */
    static RunningBroker start(String... extraConfigLines) {
        return start(Optional.empty(), extraConfigLines);
    }

    /**
     * As {@link #start(String...)}, with the views showing the bridges {@code bridges} reports instead of the
     * configured ones.
     */
    static RunningBroker start(BridgeMonitor bridges, String... extraConfigLines) {
        return start(Optional.of(bridges), extraConfigLines);
    }

    private static RunningBroker start(Optional<BridgeMonitor> shownBridges, String... extraConfigLines) {
        String config = "listener 0 127.0.0.1\nallow_anonymous true\nsys_interval 0\n"
                + String.join("\n", extraConfigLines) + "\n";
        try {
            BrokerConfig parsed = ConfigParser.parse(config, "test.conf");
            CulexBroker broker = shownBridges.isPresent() ? CulexBroker.start(parsed, shownBridges.get())
                    : CulexBroker.start(parsed);
            return new RunningBroker(broker, parsed);
        } catch (Exception e) {
            throw new IllegalStateException("test broker did not start: " + e.getMessage(), e);
        }
    }

    /** Starts from a configuration file, as {@code culex -c file} does (without its logging set-up). */
    static RunningBroker fromFile(Path file) {
        try {
            BrokerConfig parsed = ConfigParser.parse(file);
            return new RunningBroker(CulexBroker.start(parsed), parsed);
        } catch (Exception e) {
            throw new IllegalStateException("test broker did not start: " + e.getMessage(), e);
        }
    }

    /** The configuration it was started with. */
    BrokerConfig config() {
        return config;
    }

    int port() {
        return broker.listeners().get(0).getPort();
    }

    /** Paho's server URI. */
    String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    CulexBroker broker() {
        return broker;
    }

    @Override
    public void close() {
        broker.close();
    }
}
