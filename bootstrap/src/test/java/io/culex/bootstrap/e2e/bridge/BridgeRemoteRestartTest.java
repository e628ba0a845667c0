package io.culex.bootstrap.e2e.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.culex.bootstrap.e2e.bridge.BridgeClients.Client;
import io.culex.bootstrap.e2e.bridge.BridgeClients.Received;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Store and forward over real sockets: the remote broker stops in the middle of a QoS 1 stream and comes back
 * on the same port; every message the local broker acknowledged reaches the remote subscriber.
 */
@Timeout(90)
class BridgeRemoteRestartTest {

    private static final int MESSAGES = 200;

    @TempDir
    Path remoteStore;

    @ParameterizedTest(name = "bridge protocol {0}")
    @ValueSource(strings = {"mqttv311", "mqttv50"})
    void everyAcknowledgedMessageArrivesAcrossARemoteRestart(String protocol) throws Exception {
        int remotePort = BridgeTestBroker.freePort();
        String[] remoteConfig = {"persistence true", "persistence_location " + remoteStore + "/"};
        Files.createDirectories(remoteStore);
        BridgeTestBroker remote = BridgeTestBroker.start(remotePort, remoteConfig);
        try (BridgeTestBroker local = BridgeTestBroker.start(0,
                "connection e2e",
                "address 127.0.0.1:" + remotePort,
                "bridge_protocol_version " + protocol,
                "remote_clientid e2e-bridge",
                "cleansession false",
                "restart_timeout 1",
                "topic stream/# out 1");
             BridgeClients clients = new BridgeClients()) {
            local.awaitBridgeConnected();
            Client sink = clients.connect(remote, "sink", false);
            sink.subscribe("stream/#", 1);
            Client publisher = clients.connect(local, "publisher", true);

            Set<String> arrived = new TreeSet<>();
            for (int i = 0; i < MESSAGES; i++) {
                if (i == MESSAGES / 2) {
                    remote.close();
                    sink.inbox.forEach(received -> arrived.add(received.payload()));
                    remote = BridgeTestBroker.start(remotePort, remoteConfig);
                    sink = clients.connect(remote, "sink", false);
                }
                publisher.publish("stream/data", "m" + i, 1); // returns once the local broker acknowledged it
            }

            while (arrived.size() < MESSAGES) {
                Received next = sink.inbox.poll(10, TimeUnit.SECONDS);
                if (next == null) {
                    fail(arrived.size() + " of " + MESSAGES + " messages arrived: " + arrived);
                }
                arrived.add(next.payload());
            }
            assertEquals(MESSAGES, arrived.size());
        } finally {
            remote.close();
        }
    }
}
