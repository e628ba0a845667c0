package io.culex.bootstrap.e2e;

import io.culex.application.bridge.BridgeMonitor;
import org.junit.jupiter.api.AfterEach;

/** A broker started per test, with Paho clients against it, both closed after the test. */
abstract class BrokerTestSupport {

    protected RunningBroker broker;
    protected PahoClients clients;

    /** Starts the broker with {@code configLines} added to the default test configuration. */
    protected void startBroker(String... configLines) {
        startBroker(BridgeMonitor.NONE, configLines);
    }

    /** As {@link #startBroker(String...)}, with the views showing the bridges {@code bridges} reports. */
    protected void startBroker(BridgeMonitor bridges, String... configLines) {
        broker = RunningBroker.start(bridges, configLines);
        clients = new PahoClients(broker);
    }

    /** Closes what was opened, clients before the broker; a test that never started one closes nothing. */
    @AfterEach
    void closeClientsAndBroker() {
        if (clients != null) {
            clients.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
