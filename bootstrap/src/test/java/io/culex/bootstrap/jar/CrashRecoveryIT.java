package io.culex.bootstrap.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The durability contract on every durable backend: what the broker acknowledged survives SIGKILL.
 * A persistent-session subscriber is offline; a publisher gets PUBACK/PUBCOMP for N QoS 1 and N QoS 2
 * messages; the broker process is killed at once (or in the middle of the publishing) and restarted on
 * the same store; the subscriber gets every acknowledged message back (QoS 2 exactly once), and the
 * retained message and the subscription are still there.
 */
class CrashRecoveryIT {

    private static final int EACH_QOS = 200;

    @TempDir
    Path dir;

    private int port;
    private Path config;

    private BrokerProcess start(String backend) throws IOException, InterruptedException {
        if (config == null) {
            port = freePort();
            config = dir.resolve("crash.conf");
            Files.writeString(config, String.join("\n", "listener " + port + " 127.0.0.1", "allow_anonymous true",
                    "persistence true", "persistence_backend " + backend, "persistence_location " + dir.resolve("store"),
                    "max_queued_messages 0", ""), StandardCharsets.UTF_8);
            Files.createDirectories(dir.resolve("store"));
        }
        BrokerProcess broker = BrokerProcess.start("-c", config.toString());
        broker.awaitLine(line -> line.endsWith(" running"), "saying the broker runs");
        return broker;
    }

    private MqttClient connect(String clientId, boolean cleanSession) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession);
        options.setMaxInflight(1_000);
        options.setKeepAliveInterval(60);
        client.connect(options);
        return client;
    }

    private void subscribeOffline() throws MqttException {
        MqttClient subscriber = connect("crash-sub", false);
        subscriber.subscribe("crash/#", 2);
        subscriber.disconnect();
        subscriber.close();
    }

    /** Publishes until done or the broker dies; returns what was acknowledged, per QoS. */
    private Map<Integer, Set<String>> publish() throws MqttException {
        return publish(Integer.MAX_VALUE, () -> { });
    }

    /** As {@link #publish()}, starting {@code kill} (on its own thread) once {@code killAfter} messages were acknowledged. */
    private Map<Integer, Set<String>> publish(int killAfter, Runnable kill) throws MqttException {
        Map<Integer, Set<String>> acknowledged = new HashMap<>(Map.of(1, new HashSet<>(), 2, new HashSet<>()));
        MqttClient publisher = connect("crash-pub", true);
        try {
            publisher.publish("crash/retained", "kept".getBytes(StandardCharsets.UTF_8), 1, true);
            for (int i = 0; i < EACH_QOS; i++) {
                for (int qos = 1; qos <= 2; qos++) {
                    String payload = "q" + qos + "-" + i;
                    publisher.publish("crash/" + qos, payload.getBytes(StandardCharsets.UTF_8), qos, false);
                    acknowledged.get(qos).add(payload); // publish() returned: PUBACK / PUBCOMP came
                    if (acknowledged.get(1).size() + acknowledged.get(2).size() == killAfter) {
                        new Thread(kill, "killer").start();
                    }
                }
            }
        } catch (MqttException brokerDied) {
            // the kill in the middle: only what was acknowledged counts
        } finally {
            if (publisher.isConnected()) {
                publisher.disconnectForcibly(100, 100);
            }
            publisher.close(true);
        }
        return acknowledged;
    }

    /** Reconnects the subscriber and collects what arrives until it stays quiet. */
    private Map<String, Integer> receiveAll() throws Exception {
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        MqttClient subscriber = new MqttClient("tcp://127.0.0.1:" + port, "crash-sub", new MemoryPersistence());
        subscriber.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override public void connectionLost(Throwable cause) { }
            @Override public void messageArrived(String topic, MqttMessage message) {
                inbox.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
            }
            @Override public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) { }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setMaxInflight(1_000);
        subscriber.connect(options);
        Map<String, Integer> counts = new HashMap<>();
        for (String line = inbox.poll(10, TimeUnit.SECONDS); line != null; line = inbox.poll(2, TimeUnit.SECONDS)) {
            counts.merge(line.substring(line.indexOf(' ') + 1), 1, Integer::sum);
        }
        subscriber.disconnect();
        subscriber.close();
        return counts;
    }

    private void assertEverythingAcknowledgedArrived(Map<Integer, Set<String>> acknowledged, Map<String, Integer> received) {
        for (String payload : acknowledged.get(1)) {
            assertTrue(received.getOrDefault(payload, 0) >= 1, "QoS 1 message lost: " + payload);
        }
        for (String payload : acknowledged.get(2)) {
            assertEquals(1, received.getOrDefault(payload, 0), "QoS 2 message not exactly once: " + payload);
        }
    }

    private void assertRetainedAndSubscriptionSurvived() throws Exception {
        BlockingQueue<String> retained = new LinkedBlockingQueue<>();
        MqttClient newcomer = connect("crash-newcomer", true);
        newcomer.subscribe("crash/retained", 1, (topic, message) -> retained.add(new String(message.getPayload(),
                StandardCharsets.UTF_8)));
        assertEquals("kept", retained.poll(10, TimeUnit.SECONDS), "the retained message survived");
        newcomer.disconnect();
        newcomer.close();
        MqttClient publisher = connect("crash-pub-after", true);
        publisher.publish("crash/after", "after restart".getBytes(StandardCharsets.UTF_8), 1, false);
        publisher.disconnect();
        publisher.close();
        assertEquals(Map.of("after restart", 1), receiveAll(), "the subscription survived");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "sqlite", "rocksdb"})
    void everyAcknowledgedMessageSurvivesAKillRightAfterThePublishing(String backend) throws Exception {
        Map<Integer, Set<String>> acknowledged;
        try (BrokerProcess broker = start(backend)) {
            subscribeOffline();
            acknowledged = publish();
            broker.kill();
        }
        assertEquals(EACH_QOS, acknowledged.get(1).size());
        assertEquals(EACH_QOS, acknowledged.get(2).size());
        try (BrokerProcess broker = start(backend)) {
            assertEverythingAcknowledgedArrived(acknowledged, receiveAll());
            assertRetainedAndSubscriptionSurvived();
            broker.terminate();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "sqlite", "rocksdb"})
    void everyAcknowledgedMessageSurvivesAKillInTheMiddleOfThePublishing(String backend) throws Exception {
        Map<Integer, Set<String>> acknowledged;
        try (BrokerProcess broker = start(backend)) {
            subscribeOffline();
            acknowledged = publish(EACH_QOS / 2, () -> {
                try {
                    broker.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            broker.kill();
        }
        assertTrue(acknowledged.get(1).size() + acknowledged.get(2).size() >= EACH_QOS / 2);
        try (BrokerProcess broker = start(backend)) {
            assertEverythingAcknowledgedArrived(acknowledged, receiveAll());
            broker.terminate();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
