package io.culex.bootstrap.e2e.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.culex.adapters.netty.bridge.MosquittoProcess;
import io.culex.application.bridge.BridgeStatus;
import io.culex.bootstrap.e2e.bridge.BridgeClients.Client;
import io.culex.bootstrap.e2e.bridge.BridgeClients.Received;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Culex and Debian's Mosquitto bridged to each other, each way round, checked with Paho clients on both brokers:
 * every direction with prefixes at every QoS, and a {@code both} topic that does not loop (MQTT 5 No Local;
 * for 3.1.1 the bridge bit of try_private).
 */
@Timeout(90)
class BridgeMosquittoInteropTest {

    private static final long NO_MORE_MILLIS = 500;
    private static final String[] TOPICS = {
        "topic out/# out 2 local/ remote/",
        "topic cmd/# in 2 l/ r/",
        "topic chat/# both 2 \"\" \"\"",
    };

    @TempDir
    Path dir;

    @ParameterizedTest(name = "bridge protocol {0}")
    @ValueSource(strings = {"mqttv311", "mqttv50"})
    void culexBridgesToMosquittoInEveryDirectionAtEveryQosWithoutLooping(String protocol) throws Exception {
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true");
             BridgeTestBroker local = BridgeTestBroker.start(0, withTopics(
                     "connection to-mosquitto",
                     "address 127.0.0.1:" + remote.port(),
                     "bridge_protocol_version " + protocol,
                     "remote_clientid culex-bridge",
                     "restart_timeout 1",
                     "notifications false"));
             BridgeClients clients = new BridgeClients()) {
            local.awaitBridgeConnected();
            Client localSide = clients.connect(local, "local-client", true);
            Client remoteSide = clients.connect(remote.uri(), "remote-client", true);
            localSide.subscribe("#", 2);
            remoteSide.subscribe("#", 2);

            exchangeEveryDirectionAtEveryQos(localSide, remoteSide);

            BridgeStatus settled = local.bridge();
            assertEquals(6, settled.messagesSent(), settled.toString());
            assertEquals(6, settled.messagesReceived(), settled.toString());
            TimeUnit.MILLISECONDS.sleep(NO_MORE_MILLIS); // a loop would keep the counters moving meanwhile
            assertEquals(settled.messagesSent(), local.bridge().messagesSent(), "traffic stopped");
            assertEquals(settled.messagesReceived(), local.bridge().messagesReceived(), "traffic stopped");
        }
    }

    @ParameterizedTest(name = "bridge protocol {0}")
    @ValueSource(strings = {"mqttv311", "mqttv50"})
    void mosquittoBridgesToCulexWithItsDefaultTryPrivate(String protocol) throws Exception {
        try (BridgeTestBroker remote = BridgeTestBroker.start(0);
             MosquittoProcess local = MosquittoProcess.start(dir, withTopics(
                     "allow_anonymous true",
                     "connection to-culex",
                     "address 127.0.0.1:" + remote.port(),
                     "bridge_protocol_version " + protocol,
                     "remote_clientid mosquitto-bridge",
                     "restart_timeout 1"));
             BridgeClients clients = new BridgeClients()) {
            Client localSide = clients.connect(local.uri(), "local-client", true);
            Client remoteSide = clients.connect(remote, "remote-client", true);
            // Mosquitto says it is connected before its subscriptions on Culex are acknowledged: probe both ways.
            awaitForwarding(localSide, "local/out/probe", remoteSide);
            awaitForwarding(remoteSide, "r/cmd/probe", localSide);
            localSide.subscribe("#", 2);
            remoteSide.subscribe("#", 2);

            exchangeEveryDirectionAtEveryQos(localSide, remoteSide);
        }
    }

    /** Publishes on either side and checks what each side's "#" subscriber gets, then that nothing comes back. */
    private static void exchangeEveryDirectionAtEveryQos(Client localSide, Client remoteSide) throws Exception {
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
    }

    /** Publishes to {@code topic} until one arrives at {@code receiver} (bounded); the probes go unobserved later. */
    private static void awaitForwarding(Client publisher, String topic, Client receiver) throws Exception {
        String filter = topic.startsWith("local/") ? "remote/out/probe" : "l/cmd/probe";
        receiver.subscribe(filter, 1);
        for (int attempt = 0; attempt < 50; attempt++) {
            publisher.publish(topic, "probe", 1);
            if (receiver.nextOrNull(200) != null) {
                receiver.paho.unsubscribe(filter);
                TimeUnit.MILLISECONDS.sleep(NO_MORE_MILLIS); // let later probes pass before "#" is subscribed
                receiver.inbox.clear();
                return;
            }
        }
        throw new AssertionError("the bridge did not forward " + topic + " within 10 s");
    }

    private static String[] withTopics(String... lines) {
        String[] all = new String[lines.length + TOPICS.length];
        System.arraycopy(lines, 0, all, 0, lines.length);
        System.arraycopy(TOPICS, 0, all, lines.length, TOPICS.length);
        return all;
    }
}
