package io.culex.bootstrap.e2e.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.bootstrap.e2e.bridge.BridgeClients.Client;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two Culex brokers over real sockets, the local one bridged to the remote one as Mosquitto's
 * {@code connection} sections say, checked with Paho clients on each side.
 */
@Timeout(60)
class BridgeEndToEndTest {

    static String[] bridgeTo(int remotePort, String protocol) {
        List<String> lines = new ArrayList<>(List.of(
                "connection e2e",
                "address 127.0.0.1:" + remotePort,
                "bridge_protocol_version " + protocol,
                "remote_clientid e2e-bridge",
                "restart_timeout 1",
                "notifications false"));
        lines.addAll(List.of(BridgedTraffic.TOPICS));
        return lines.toArray(String[]::new);
    }

    @ParameterizedTest(name = "bridge protocol {0}")
    @ValueSource(strings = {"mqttv311", "mqttv50"})
    void outInAndBothCarryEveryQosWithPrefixesAndNoLoop(String protocol) throws Exception {
        try (BridgeTestBroker remote = BridgeTestBroker.start(0);
             BridgeTestBroker local = BridgeTestBroker.start(0, bridgeTo(remote.port(), protocol));
             BridgeClients clients = new BridgeClients()) {
            local.awaitBridgeConnected();
            Client localSide = clients.connect(local, "local-client", true);
            Client remoteSide = clients.connect(remote, "remote-client", true);

            BridgedTraffic.assertCarriedEveryWayWithoutLoops(localSide, remoteSide);

            assertEquals(6, local.bridge().messagesSent());
            assertEquals(6, local.bridge().messagesReceived());
        }
    }
}
