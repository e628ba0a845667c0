package io.culex.bootstrap.e2e.bridge;

import io.culex.application.bridge.BridgeState;
import io.culex.application.bridge.BridgeStatus;
import io.culex.bootstrap.CulexBroker;
import io.culex.bootstrap.config.ConfigParser;
import java.io.IOException;
import java.net.ServerSocket;

/** A Culex broker started in-process on 127.0.0.1 from configuration lines, for bridge tests. */
final class BridgeTestBroker implements AutoCloseable {

    private static final long CONNECT_WAIT_MILLIS = 15_000;

    private final CulexBroker broker;

    private BridgeTestBroker(CulexBroker broker) {
        this.broker = broker;
    }

    /** Listens on {@code port} (0 for any free one); $SYS updates off; then {@code lines} (e.g. a bridge). */
    static BridgeTestBroker start(int port, String... lines) {
        String config = "listener " + port + " 127.0.0.1\nallow_anonymous true\nsys_interval 0\n"
                + String.join("\n", lines) + "\n";
        try {
            return new BridgeTestBroker(CulexBroker.start(ConfigParser.parse(config, "bridge-test.conf")));
        } catch (Exception e) {
            throw new IllegalStateException("test broker did not start: " + e.getMessage(), e);
        }
    }

    /** A port free now, for a broker that must come back on the same one. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port(0);
    }

    /** The port of the listener at {@code index} in the configuration. */
    int port(int index) {
        return broker.listeners().get(index).getPort();
    }

    String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    BridgeStatus bridge() {
        return broker.bridges().bridges().get(0);
    }

    /** Waits (bounded) until the first bridge is connected and subscribed on the remote. */
    void awaitBridgeConnected() throws InterruptedException {
        long deadline = System.nanoTime() + CONNECT_WAIT_MILLIS * 1_000_000;
        while (bridge().state() != BridgeState.CONNECTED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("bridge not connected within " + CONNECT_WAIT_MILLIS + " ms: " + bridge());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
