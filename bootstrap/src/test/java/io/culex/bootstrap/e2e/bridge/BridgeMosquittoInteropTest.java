package io.culex.bootstrap.e2e.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.adapters.netty.bridge.MosquittoProcess;
import io.culex.application.bridge.BridgeStatus;
import io.culex.bootstrap.e2e.bridge.BridgeClients.Client;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bridges between Culex and Debian's Mosquitto 2.0, each way round, checked with Paho clients on both brokers:
 * every direction with prefixes at every QoS, and a {@code both} topic that does not loop (MQTT 5 No Local; for
 * 3.1.1 the bridge bit of try_private, Mosquitto's default).
 */
@Timeout(90)
class BridgeMosquittoInteropTest {

    /** Long enough for a loop to move the counters again. */
    private static final long SETTLE_MILLIS = 500;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "bridge protocol {0}")
    @ValueSource(strings = {"mqttv311", "mqttv50"})
    void culexBridgesToMosquitto(String protocol) throws Exception {
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true");
             BridgeTestBroker local = BridgeTestBroker.start(0, BridgeEndToEndTest.bridgeTo(remote.port(), protocol));
             BridgeClients clients = new BridgeClients()) {
            local.awaitBridgeConnected();
            Client localSide = clients.connect(local, "local-client", true);
            Client remoteSide = clients.connect(remote.uri(), "remote-client", true);
            BridgedTraffic.awaitFlowing(localSide, remoteSide);

            BridgedTraffic.assertCarriedEveryWayWithoutLoops(localSide, remoteSide);

            BridgeStatus settled = local.bridge();
            TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);
            assertEquals(settled.messagesSent(), local.bridge().messagesSent(), "traffic stopped");
            assertEquals(settled.messagesReceived(), local.bridge().messagesReceived(), "traffic stopped");
        }
    }

    @ParameterizedTest(name = "bridge protocol {0}")
    @ValueSource(strings = {"mqttv311", "mqttv50"})
    void mosquittoBridgesToCulexWithItsDefaultTryPrivate(String protocol) throws Exception {
        try (BridgeTestBroker remote = BridgeTestBroker.start(0);
             MosquittoProcess local = MosquittoProcess.start(dir, "allow_anonymous true",
                     String.join("\n", BridgeEndToEndTest.bridgeTo(remote.port(), protocol)));
             BridgeClients clients = new BridgeClients()) {
            Client localSide = clients.connect(local.uri(), "local-client", true);
            Client remoteSide = clients.connect(remote, "remote-client", true);
            BridgedTraffic.awaitFlowing(localSide, remoteSide);

            BridgedTraffic.assertCarriedEveryWayWithoutLoops(localSide, remoteSide);
        }
    }
}
