package io.culex.bootstrap.e2e.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.bootstrap.e2e.bridge.BridgeClients.Client;
import io.culex.bootstrap.e2e.bridge.BridgeClients.Received;
import io.culex.bootstrap.jar.BrokerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crashes in a bridged pair of Culex brokers, one of them the shipped jar on a file store killed with SIGKILL in
 * the middle of a QoS 1 or QoS 2 stream from a Paho publisher on the local broker to a Paho subscriber (persistent
 * session) on the remote one: every message the local broker acknowledged arrives, QoS 2 exactly once.
 *
 * <p>Four core durability bugs this test found are fixed, for every session: an inbound QoS 2 id reached the disk
 * before the message's copies (a re-sent PUBLISH was taken for delivered: lost), PUBREL went out before the release
 * was on disk (a completed message sent again), a queued message went into flight in two writes (a kill between
 * them kept it in neither: lost), and the id was written in a later batch than the only copy (sent twice).
 */
@Timeout(120)
class BridgeKillIT {

    private static final int MESSAGES = 200;
    private static final long NO_MORE_MILLIS = 1_000;

    @TempDir
    Path dir;

    private static String[] bridge(int remotePort, int qos) {
        return new String[] {
            "connection crash",
            "address 127.0.0.1:" + remotePort,
            "remote_clientid crash-bridge",
            "cleansession false",
            "restart_timeout 1",
            "notifications false",
            "topic stream/# out " + qos,
        };
    }

    /** The jar on a free port with a file store in {@code dir/name}, then {@code lines}; waits until it runs. */
    private BrokerProcess startJar(String name, int port, String... lines) throws IOException, InterruptedException {
        Path config = dir.resolve(name + ".conf");
        if (!Files.exists(config)) {
            Path store = Files.createDirectories(dir.resolve(name + "-store"));
            List<String> all = new ArrayList<>(List.of("listener " + port + " 127.0.0.1", "allow_anonymous true",
                    "sys_interval 0", "persistence true", "persistence_backend file", "persistence_location " + store));
            all.addAll(List.of(lines));
            Files.writeString(config, String.join("\n", all) + "\n", StandardCharsets.UTF_8);
        }
        BrokerProcess broker = BrokerProcess.start("-c", config.toString());
        broker.awaitLine(line -> line.endsWith(" running"), "saying the broker runs");
        return broker;
    }

    @Test
    void theRemoteCulexIsKilledInTheMiddleOfTheQos1Stream() throws Exception {
        killTheRemoteInTheMiddleOfTheStream(1);
    }

    @Test
    void theRemoteCulexIsKilledInTheMiddleOfTheQos2Stream() throws Exception {
        killTheRemoteInTheMiddleOfTheStream(2);
    }

    private void killTheRemoteInTheMiddleOfTheStream(int qos) throws Exception {
        int remotePort = BridgeTestBroker.freePort();
        String remoteUri = "tcp://127.0.0.1:" + remotePort;
        BrokerProcess remote = startJar("remote", remotePort);
        try (BridgeTestBroker local = BridgeTestBroker.start(0, bridge(remotePort, qos));
             BridgeClients clients = new BridgeClients()) {
            local.awaitBridgeConnected();
            Client sink = clients.connect(remoteUri, "sink", false);
            sink.subscribe("stream/#", 2);
            Client publisher = clients.connect(local, "publisher", true);
            for (int i = 0; i < MESSAGES; i++) {
                if (i == MESSAGES / 2) {
                    remote.kill(); // the next quarter waits in the local broker's queue
                    remote.close();
                } else if (i == MESSAGES * 3 / 4) {
                    remote = startJar("remote", remotePort);
                    sink.paho.connect(sink.options); // the same Paho client: it remembers QoS 2 ids it got
                }
                publisher.publish("stream/data", "m" + i, qos); // returns once the local broker acknowledged it
            }
            assertEveryMessageArrived(sink, qos == 2, remote);
        } finally {
            remote.close();
        }
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {1, 2})
    void theLocalCulexIsKilledInTheMiddleOfTheStream(int qos) throws Exception {
        int localPort = BridgeTestBroker.freePort();
        String localUri = "tcp://127.0.0.1:" + localPort;
        try (BridgeTestBroker remote = BridgeTestBroker.start(0);
             BridgeClients clients = new BridgeClients()) {
            String[] bridge = bridge(remote.port(), qos);
            BrokerProcess local = startJar("local", localPort, bridge);
            try {
                Client sink = clients.connect(remote, "sink", false);
                sink.subscribe("stream/#", 2);
                Client publisher = clients.connect(localUri, "publisher", true);
                for (int i = 0; i < MESSAGES; i++) {
                    if (i == MESSAGES / 2) {
                        local.kill(); // what it acknowledged but had not yet forwarded is in its store
                        local.close();
                        local = startJar("local", localPort);
                        publisher = clients.connect(localUri, "publisher", true);
                    }
                    publisher.publish("stream/data", "m" + i, qos);
                }
                assertEveryMessageArrived(sink, qos == 2, local);
            } finally {
                local.close();
            }
        }
    }

    private static void assertEveryMessageArrived(Client sink, boolean exactlyOnce, BrokerProcess jar)
            throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        while (counts.size() < MESSAGES) {
            Received next = sink.inbox.poll(20, TimeUnit.SECONDS);
            if (next == null) {
                List<String> missing = new ArrayList<>();
                for (int i = 0; i < MESSAGES; i++) {
                    if (!counts.containsKey("m" + i)) {
                        missing.add("m" + i);
                    }
                }
                throw new AssertionError(counts.size() + " of " + MESSAGES + " messages arrived; missing: " + missing
                        + "\njar output:\n" + jar.output());
            }
            counts.merge(next.payload(), 1, Integer::sum);
        }
        for (Received late = sink.nextOrNull(NO_MORE_MILLIS); late != null; late = sink.nextOrNull(NO_MORE_MILLIS)) {
            counts.merge(late.payload(), 1, Integer::sum);
        }
        assertEquals(MESSAGES, counts.size());
        if (exactlyOnce) {
            counts.forEach((payload, times) -> assertEquals(1, times, payload + " exactly once at QoS 2"));
        }
    }
}
