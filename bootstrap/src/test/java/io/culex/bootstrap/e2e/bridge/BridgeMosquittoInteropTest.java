package io.culex.bootstrap.e2e.bridge;

import io.culex.bootstrap.e2e.bridge.BridgeClients.Client;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bridges between Culex and Debian's Mosquitto 2.0, each way, checked with Paho clients on both brokers. */
@Timeout(60)
class BridgeMosquittoInteropTest {

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
        }
    }

    @Test
    void mosquittoBridgesToCulexWithTryPrivate() throws Exception {
        try (BridgeTestBroker remote = BridgeTestBroker.start(0);
             MosquittoProcess local = MosquittoProcess.start(dir, "allow_anonymous true\n"
                     + String.join("\n", BridgeEndToEndTest.bridgeTo(remote.port(), "mqttv311")));
             BridgeClients clients = new BridgeClients()) {
            Client localSide = clients.connect(local.uri(), "local-client", true);
            Client remoteSide = clients.connect(remote, "remote-client", true);
            BridgedTraffic.awaitFlowing(localSide, remoteSide);

            BridgedTraffic.assertCarriedEveryWayWithoutLoops(localSide, remoteSide);
        }
    }
}
