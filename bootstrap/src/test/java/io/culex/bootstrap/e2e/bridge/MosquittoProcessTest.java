package io.culex.bootstrap.e2e.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.bridge.MosquittoProcess;
import io.culex.bootstrap.CulexBroker;
import io.culex.bootstrap.config.ConfigParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mosquitto fixture itself: Paho talks to it, its configuration text applies, it stops, dies and comes back. */
class MosquittoProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** A connected Paho client that queues "topic=payload" for every message it receives. */
    private static final class Client implements AutoCloseable {
        final MqttClient paho;
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        Client(String uri, String clientId) throws MqttException {
            paho = new MqttClient(uri, clientId, new MemoryPersistence());
            paho.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                    received.add(topic + "=" + new String(message.getPayload(), StandardCharsets.UTF_8));
                }

                @Override
                public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
                }
            });
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setConnectionTimeout(5);
            paho.connect(options);
        }

        String next() throws InterruptedException {
            String message = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + WAIT.toSeconds() + " s");
            }
            return message;
        }

        @Override
        public void close() throws MqttException {
            if (paho.isConnected()) {
                paho.disconnect();
            }
            paho.close();
        }
    }

    private static void assertPubSubWorks(MosquittoProcess mosquitto, String payload) throws Exception {
        try (Client subscriber = new Client(mosquitto.uri(), "subscriber");
             Client publisher = new Client(mosquitto.uri(), "publisher")) {
            subscriber.paho.subscribe("fixture/#", 1);
            publisher.paho.publish("fixture/check", payload.getBytes(StandardCharsets.UTF_8), 1, false);
            assertEquals("fixture/check=" + payload, subscriber.next());
        }
    }

    @Test
    void pahoPublishesAndSubscribesAndStopKillAndRestartKeepThePort() throws Exception {
        try (MosquittoProcess mosquitto = MosquittoProcess.start(dir, "allow_anonymous true")) {
            assertPubSubWorks(mosquitto, "first run");
            mosquitto.awaitLog(line -> line.endsWith("Opening ipv4 listen socket on port " + mosquitto.port() + "."),
                    WAIT, "the listener on its port");
            int port = mosquitto.port();
            long firstPid = mosquitto.pid();
            assertTrue(firstPid > 0);

            mosquitto.stop();
            assertFalse(mosquitto.isRunning());
            assertEquals(-1, mosquitto.pid());
            assertThrows(MqttException.class, () -> new Client(mosquitto.uri(), "refused").close(), "nobody listens");
            mosquitto.awaitLog(line -> line.contains("terminating"), WAIT, "a clean stop");

            mosquitto.restart();
            assertEquals(port, mosquitto.port());
            assertNotEquals(firstPid, mosquitto.pid(), "a new process");
            assertPubSubWorks(mosquitto, "after a stop");

            long secondPid = mosquitto.pid();
            mosquitto.kill();
            assertFalse(ProcessHandle.of(secondPid).map(ProcessHandle::isAlive).orElse(false), "killed by its PID");
            mosquitto.restart();
            assertEquals(port, mosquitto.port());
            assertPubSubWorks(mosquitto, "after a kill");
            assertEquals(3, mosquitto.log().stream().filter(line -> line.endsWith(" running")).count(),
                    "the log of every run is kept: " + mosquitto.log());
        }
    }

    @Test
    void theExtraConfigurationApplies() throws Exception {
        try (MosquittoProcess mosquitto = MosquittoProcess.start(dir, "allow_anonymous false")) {
            MqttException refused = assertThrows(MqttException.class, () -> new Client(mosquitto.uri(), "anonymous"));
            assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, refused.getReasonCode());
            assertTrue(mosquitto.configFile().toFile().isFile());
        }
    }

    @Test
    void aMosquittoBridgeSectionForwardsToACulexBroker() throws Exception {
        try (CulexBroker culex = CulexBroker.start(ConfigParser.parse(
                "listener 0 127.0.0.1\nallow_anonymous true\nsys_interval 0\n", "culex.conf"))) {
            int culexPort = culex.listeners().get(0).getPort();
            try (Client onCulex = new Client("tcp://127.0.0.1:" + culexPort, "culex-side");
                 MosquittoProcess mosquitto = MosquittoProcess.start(dir, String.join("\n",
                         "allow_anonymous true",
                         "connection to-culex",
                         "address 127.0.0.1:" + culexPort,
                         "topic sensors/# out 1"))) {
                onCulex.paho.subscribe("sensors/#", 1);
                mosquitto.awaitLog(line -> line.contains("Connecting bridge") && line.contains("to-culex"), WAIT,
                        "the bridge connecting");
                try (Client onMosquitto = new Client(mosquitto.uri(), "mosquitto-side")) {
                    // The bridge subscribes to nothing on Culex: retry until its connection is up and forwarding.
                    String received = null;
                    for (int attempt = 0; attempt < 20 && received == null; attempt++) {
                        onMosquitto.paho.publish("sensors/temperature", "21.5".getBytes(StandardCharsets.UTF_8), 1,
                                false);
                        received = onCulex.received.poll(500, TimeUnit.MILLISECONDS);
                    }
                    assertEquals("sensors/temperature=21.5", received, "log:\n" + String.join("\n", mosquitto.log()));
                }
            }
        }
    }
}
