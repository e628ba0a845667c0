package io.culex.bootstrap.e2e.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.bridge.MosquittoProcess;
import io.culex.bootstrap.e2e.bridge.BridgeClients.Client;
import io.culex.bootstrap.e2e.bridge.BridgeClients.Received;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A QoS 1 or QoS 2 stream from a Paho publisher on Culex, bridged out to a Paho subscriber on Mosquitto, with one
 * of the two brokers restarted in the middle: every message Culex acknowledged to the publisher arrives, QoS 2
 * exactly once. The remote Mosquitto is stopped with SIGTERM, not killed: it saves its persistence file only at
 * autosave or shutdown, so a SIGKILL loses what it had acknowledged to the bridge since (its own guarantee, not the
 * bridge's). Culex as the remote is killed in {@code io.culex.bootstrap.jar.BridgeRemoteKillIT}.
 */
@Timeout(120)
class BridgeStreamChaosTest {

    private static final int MESSAGES = 200;
    private static final long NO_MORE_MILLIS = 500;

    @TempDir
    Path dir;

    private static String[] bridgeTo(MosquittoProcess remote, int qos, String... more) {
        List<String> lines = new ArrayList<>(List.of(
                "connection chaos",
                "address 127.0.0.1:" + remote.port(),
                "remote_clientid chaos-bridge",
                "cleansession false",
                "restart_timeout 1",
                "notifications false",
                "topic stream/# out " + qos));
        lines.addAll(List.of(more));
        return lines.toArray(String[]::new);
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {1, 2})
    void theRemoteMosquittoRestartsInTheMiddleOfTheStream(int qos) throws Exception {
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true", "persistence true",
                "persistence_location " + dir + "/");
             BridgeTestBroker local = BridgeTestBroker.start(0, bridgeTo(remote, qos));
             BridgeClients clients = new BridgeClients()) {
            local.awaitBridgeConnected();
            Client sink = clients.connect(remote.uri(), "sink", false);
            sink.subscribe("stream/#", 2);
            Client publisher = clients.connect(local, "publisher", true);

            for (int i = 0; i < MESSAGES; i++) {
                if (i == MESSAGES / 2) {
                    remote.stop(); // the next quarter of the stream waits in Culex's queue for the remote
                } else if (i == MESSAGES * 3 / 4) {
                    remote.restart();
                    sink.paho.connect(sink.options); // the same Paho client: it remembers QoS 2 ids it got
                }
                publisher.publish("stream/data", "m" + i, qos); // returns once Culex acknowledged it
            }
            assertEveryMessageArrived(sink, qos);
            assertTrue(local.bridge().connectAttempts() >= 2, "the bridge reconnected: " + local.bridge());
        }
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {1, 2})
    void theLocalCulexRestartsOnItsFileStoreInTheMiddleOfTheStream(int qos) throws Exception {
        Path store = Files.createDirectories(dir.resolve("local-store"));
        int localPort = BridgeTestBroker.freePort();
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true");
             BridgeClients clients = new BridgeClients()) {
            String[] localConfig = bridgeTo(remote, qos, "persistence true", "persistence_backend file",
                    "persistence_location " + store);
            BridgeTestBroker local = BridgeTestBroker.start(localPort, localConfig);
            try {
                local.awaitBridgeConnected();
                Client sink = clients.connect(remote.uri(), "sink", false);
                sink.subscribe("stream/#", 2);
                Client publisher = clients.connect(local, "publisher", true);
                for (int i = 0; i < MESSAGES; i++) {
                    if (i == MESSAGES / 2) {
                        local.close();
                        local = BridgeTestBroker.start(localPort, localConfig);
                        publisher = clients.connect(local, "publisher", true);
                    }
                    publisher.publish("stream/data", "m" + i, qos);
                }
                assertEveryMessageArrived(sink, qos);
            } finally {
                local.close();
            }
        }
    }

    /** Every "m0".."m(N-1)" arrived at the sink, at QoS 2 exactly once, and then nothing more came. */
    private static void assertEveryMessageArrived(Client sink, int qos) throws InterruptedException {
        Map<String, Integer> counts = new TreeMap<>();
        while (counts.size() < MESSAGES) {
            Received next = sink.inbox.poll(15, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError(counts.size() + " of " + MESSAGES + " messages arrived: " + counts.keySet());
            }
            counts.merge(next.payload(), 1, Integer::sum);
        }
        for (Received late = sink.nextOrNull(NO_MORE_MILLIS); late != null; late = sink.nextOrNull(NO_MORE_MILLIS)) {
            counts.merge(late.payload(), 1, Integer::sum);
        }
        assertEquals(MESSAGES, counts.size(), counts.toString());
        if (qos == 2) {
            counts.forEach((payload, times) -> assertEquals(1, times, payload + " exactly once at QoS 2"));
        } else {
            counts.forEach((payload, times) -> assertTrue(times >= 1, payload));
        }
    }
}
