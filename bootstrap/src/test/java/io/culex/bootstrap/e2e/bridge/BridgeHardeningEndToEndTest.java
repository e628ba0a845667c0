package io.culex.bootstrap.e2e.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.culex.adapters.netty.bridge.MosquittoProcess;
import io.culex.application.bridge.BridgeState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Culex bridge to Debian's Mosquitto 2.0, where a bridge used to behave as an ordinary client of its own
 * broker, left a stale notification on the remote or sent a remote more QoS than it takes; checked with Paho
 * clients on both brokers.
 */
@Timeout(60)
class BridgeHardeningEndToEndTest {

    private static final long WAIT_SECONDS = 15;

    @TempDir
    Path dir;

    private final List<MqttClient> clients = new ArrayList<>();

    @AfterEach
    void disconnectClients() throws MqttException {
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                client.disconnectForcibly(1_000, 1_000);
            }
            client.close();
        }
    }

    @Test
    void aLazyBridgeLeavingWhenIdleLeavesZeroOnTheRemoteNotificationTopic() throws Exception {
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true");
             BridgeTestBroker local = BridgeTestBroker.start(0,
                     "connection lazy",
                     "address 127.0.0.1:" + remote.port(),
                     "remote_clientid lazy-bridge",
                     "start_type lazy",
                     "threshold 1",
                     "idle_timeout 2",
                     "notifications true",
                     "notification_topic bridge/state",
                     "topic out/# out 1")) {
            BlockingQueue<String> states = subscribe(remote.uri(), "watcher", "bridge/state");

            connect(local.uri(), "publisher").publish("out/x", "m".getBytes(StandardCharsets.UTF_8), 1, false);

            assertEquals("1", next(states));
            assertEquals("0", next(states), "after the idle timeout the remote must not keep a stale 1");
        }
    }

    @Test
    void theLocalSessionIgnoresClientIdPrefixesAndItsIdIsRefusedToClients() throws Exception {
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true");
             BridgeTestBroker local = BridgeTestBroker.start(0,
                     "clientid_prefixes dev-",
                     "persistent_client_expiration 1h",
                     "connection guarded",
                     "address 127.0.0.1:" + remote.port(),
                     "remote_clientid guarded-bridge",
                     "local_clientid guarded-local",
                     "restart_timeout 1",
                     "notifications false",
                     "topic out/# out 1")) {
            local.awaitBridgeConnected();
            BlockingQueue<String> carried = subscribe(remote.uri(), "watcher", "out/#");

            MqttException refused = assertThrows(MqttException.class, () -> connect(local.uri(), "guarded-local"));
            assertEquals(MqttException.REASON_CODE_INVALID_CLIENT_ID, refused.getReasonCode());
            connect(local.uri(), "dev-publisher").publish("out/x", "m".getBytes(StandardCharsets.UTF_8), 1, false);

            assertEquals("m", next(carried));
            assertEquals(BridgeState.CONNECTED, local.bridge().state());
            assertEquals(1, local.bridge().connectAttempts(), "no takeover, no reconnection");
        }
    }

    @Test
    void qos2MessagesQueuedForAnMqtt5RemoteWithMaxQos1GoAtQos1() throws Exception {
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true\nmax_qos 1");
             BridgeTestBroker local = BridgeTestBroker.start(0,
                     "connection capped",
                     "address 127.0.0.1:" + remote.port(),
                     "remote_clientid capped-bridge",
                     "bridge_protocol_version mqttv50",
                     "start_type lazy",
                     "threshold 2",
                     "notifications false",
                     "topic out/# out 2")) {
            BlockingQueue<String> carried = subscribe(remote.uri(), "watcher", "out/#");
            MqttClient publisher = connect(local.uri(), "publisher");

            // Queued at QoS 2 while the bridge waits for its threshold, before it knows the remote's maximum.
            publisher.publish("out/1", "m1".getBytes(StandardCharsets.UTF_8), 2, false);
            publisher.publish("out/2", "m2".getBytes(StandardCharsets.UTF_8), 2, false);

            assertEquals("m1", next(carried));
            assertEquals("m2", next(carried));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (local.bridge().queued() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, local.bridge().queued(), "the remote's PUBACKs ended the QoS 2 flights");
            assertEquals(1, local.bridge().connectAttempts(), "the remote never refused a PUBLISH");
        }
    }

    private MqttClient connect(String uri, String clientId) throws MqttException {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        clients.add(client);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout(10);
        client.connect(options);
        return client;
    }

    private BlockingQueue<String> subscribe(String uri, String clientId, String filter) throws MqttException {
        BlockingQueue<String> payloads = new LinkedBlockingQueue<>();
        connect(uri, clientId).subscribe(filter, 1,
                (topic, message) -> payloads.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
        return payloads;
    }

    private static String next(BlockingQueue<String> payloads) throws InterruptedException {
        String payload = payloads.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (payload == null) {
            fail("nothing within " + WAIT_SECONDS + " s");
        }
        return payload;
    }
}
