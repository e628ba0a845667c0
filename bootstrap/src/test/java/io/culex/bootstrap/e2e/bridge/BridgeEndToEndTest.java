package io.culex.bootstrap.e2e.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.culex.bootstrap.e2e.bridge.BridgeClients.Client;
import io.culex.bootstrap.e2e.bridge.BridgeClients.Received;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two Culex brokers over real sockets, the local one bridged to the remote one as Mosquitto's
 * {@code connection} sections say, checked with Paho clients on each side.
 */
@Timeout(60)
class BridgeEndToEndTest {

    private static final long NO_MORE_MILLIS = 300;

    private static String[] bridgeTo(BridgeTestBroker remote, String protocol) {
        return new String[] {
            "connection e2e",
            "address 127.0.0.1:" + remote.port(),
            "bridge_protocol_version " + protocol,
            "remote_clientid e2e-bridge",
            "restart_timeout 1",
            "notifications false",
            "topic out/# out 2 local/ remote/",
            "topic cmd/# in 2 l/ r/",
            "topic chat/# both 2 \"\" \"\"",
        };
    }

    @ParameterizedTest(name = "bridge protocol {0}")
    @ValueSource(strings = {"mqttv311", "mqttv50"})
    void outInAndBothCarryEveryQosWithPrefixesAndNoLoop(String protocol) throws Exception {
        try (BridgeTestBroker remote = BridgeTestBroker.start(0);
             BridgeTestBroker local = BridgeTestBroker.start(0, bridgeTo(remote, protocol));
             BridgeClients clients = new BridgeClients()) {
            local.awaitBridgeConnected();
            Client localSide = clients.connect(local, "local-client", true);
            Client remoteSide = clients.connect(remote, "remote-client", true);
            localSide.subscribe("#", 2);
            remoteSide.subscribe("#", 2);

            for (int qos = 0; qos <= 2; qos++) {
                localSide.publish("local/out/q" + qos, "out" + qos, qos);
                assertEquals(new Received("local/out/q" + qos, "out" + qos, qos), localSide.next());
                assertEquals(new Received("remote/out/q" + qos, "out" + qos, qos), remoteSide.next());

                remoteSide.publish("r/cmd/q" + qos, "in" + qos, qos);
                assertEquals(new Received("r/cmd/q" + qos, "in" + qos, qos), remoteSide.next());
                assertEquals(new Received("l/cmd/q" + qos, "in" + qos, qos), localSide.next());

                localSide.publish("chat/from-local", "both" + qos, qos);
                assertEquals(new Received("chat/from-local", "both" + qos, qos), localSide.next());
                assertEquals(new Received("chat/from-local", "both" + qos, qos), remoteSide.next());

                remoteSide.publish("chat/from-remote", "both" + qos, qos);
                assertEquals(new Received("chat/from-remote", "both" + qos, qos), remoteSide.next());
                assertEquals(new Received("chat/from-remote", "both" + qos, qos), localSide.next());
            }
            assertNull(localSide.nextOrNull(NO_MORE_MILLIS), "no message came back round the loop");
            assertNull(remoteSide.nextOrNull(NO_MORE_MILLIS), "no message came back round the loop");
            assertEquals(6, local.bridge().messagesSent());
            assertEquals(6, local.bridge().messagesReceived());
        }
    }
}
