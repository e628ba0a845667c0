package io.culex.bootstrap.e2e;

import io.culex.bootstrap.e2e.RawPackets5.Props;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;

/**
 * A broker per test with MQTT 5 clients against it, raw ones ({@link RawMqtt5Client}) and Paho's
 * ({@link Paho5Clients}), all closed after the test before the broker.
 */
abstract class Mqtt5TestSupport extends BrokerTestSupport {

    protected Paho5Clients clients5;
    private final List<RawMqtt5Client> raws = new ArrayList<>();

    /** Starts the broker with {@code configLines} added to the default test configuration. */
    protected void start(String... configLines) {
        startBroker(configLines);
        clients5 = new Paho5Clients(broker);
    }

    protected int port() {
        return broker.port();
    }

    /** A raw connection, not yet connected. */
    protected RawMqtt5Client open() throws IOException {
        return track(RawMqtt5Client.open(port()));
    }

    /** A raw MQTT 5 client connected with clean start and {@code properties}. */
    protected RawMqtt5Client raw(String clientId, Props properties) throws IOException {
        return track(RawMqtt5Client.connect(port(), clientId, properties));
    }

    protected RawMqtt5Client raw(String clientId) throws IOException {
        return raw(clientId, Props.none());
    }

    protected RawMqtt5Client track(RawMqtt5Client client) {
        raws.add(client);
        return client;
    }

    /** Polls {@code condition} every 20 ms until it holds or {@code millis} pass; fails then. */
    protected static void await(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + millis + " ms: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Milliseconds since {@code startNanos} (a System.nanoTime() reading). */
    protected static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @AfterEach
    void closeMqtt5Clients() {
        for (RawMqtt5Client raw : raws) {
            try {
                raw.close();
            } catch (IOException ignored) {
                // best effort: the broker is closed next anyway
            }
        }
        if (clients5 != null) {
            clients5.close();
        }
    }
}
