package io.culex.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.CulexBroker;
import io.culex.bootstrap.config.ConfigParser;
import io.culex.bootstrap.config.LoggingConfig;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** log_dest topic against a real broker: a Paho subscriber to $SYS/broker/log/# sees the broker's log lines. */
class TopicDestinationEndToEndTest {

    private record Received(String topic, String payload, int qos, boolean retained) {
    }

    // The broker's loggers are all under io.culex; the test's handler goes there, not on the shared root.
    private final Logger culex = Logger.getLogger("io.culex");
    private final Level previousLevel = culex.getLevel();
    private CulexBroker broker;
    private BrokerLog log;
    private MqttClient watcher;
    private MqttClient other;
    private final List<Received> skipped = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (MqttClient client : new MqttClient[] {other, watcher}) {
            if (client != null) {
                if (client.isConnected()) {
                    client.disconnectForcibly(100, 100);
                }
                client.close(true);
            }
        }
        if (log != null) {
            log.close();
        }
        culex.setLevel(previousLevel);
        if (broker != null) {
            broker.close();
        }
    }

    private void start(String... logLines) throws Exception {
        String config = "listener 0 127.0.0.1\nallow_anonymous true\n" + String.join("\n", logLines) + "\n";
        var parsed = ConfigParser.parse(config, "test.conf");
        broker = CulexBroker.start(parsed);
        LoggingConfig logging = parsed.logging();
        log = LogSetup.install(logging, false, culex, ZoneId.systemDefault());
        log.publishTo(broker.broker()::publishFromBroker);
    }

    private MqttClient connect(String clientId) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + broker.listeners().get(0).getPort(), clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        client.connect(options);
        return client;
    }

    private BlockingQueue<Received> watchLogTopics() throws Exception {
        BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
        watcher = connect("log-watcher");
        watcher.subscribe("$SYS/broker/log/#", 1, (topic, message) -> inbox.add(new Received(topic,
                new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos(), message.isRetained())));
        return inbox;
    }

    /** The first line on {@code topic} containing {@code text}; others (the broker may log more) go to {@link #skipped}. */
    private Received await(BlockingQueue<Received> inbox, String topic, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Received received = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (received == null) {
                continue;
            }
            if (received.topic().equals(topic) && received.payload().contains(text)) {
                return received;
            }
            skipped.add(received);
        }
        throw new AssertionError("no '" + text + "' on " + topic + " within 10 s; seen: " + skipped);
    }

    @Test
    void connectionNoticeArrivesOnTheNoticeTopicWithItsTimestamp() throws Exception {
        start("log_dest topic");
        BlockingQueue<Received> inbox = watchLogTopics();

        other = connect("topic-logged");

        Received notice = await(inbox, "$SYS/broker/log/N", "New client connected from ");
        assertTrue(notice.payload().matches("\\d+: New client connected from 127\\.0\\.0\\.1:\\d+ as topic-logged \\(p2, c1, k60\\)\\."),
                notice.payload());
        assertEquals(1, notice.qos(), "QoS 2 lines arrive at the QoS 1 the watcher was granted");
        assertEquals(false, notice.retained());
    }

    @Test
    void subscribeAndUnsubscribeLinesArriveOnTheirTopicsWhenSelected() throws Exception {
        start("log_dest topic", "log_type subscribe", "log_type unsubscribe", "log_timestamp false");
        BlockingQueue<Received> inbox = watchLogTopics();

        other = connect("subscriber");
        other.subscribe("sensors/+/temp", 1);
        other.unsubscribe("sensors/+/temp");

        assertEquals("subscriber 1 sensors/+/temp", await(inbox, "$SYS/broker/log/M/subscribe", "subscriber").payload());
        assertEquals("subscriber sensors/+/temp", await(inbox, "$SYS/broker/log/M/unsubscribe", "subscriber").payload());
    }

    @Test
    void connectionMessagesFalseKeepsConnectionsOffTheTopic() throws Exception {
        start("log_dest topic", "connection_messages false", "log_type notice", "log_type subscribe");
        BlockingQueue<Received> inbox = watchLogTopics();

        other = connect("quiet");
        other.subscribe("after/connect", 0); // a line that is still logged, to know the connect line had its chance

        assertNotNull(await(inbox, "$SYS/broker/log/M/subscribe", "quiet 0 after/connect"));
        assertEquals(List.of(), skipped, "nothing else, in particular no connection line");
    }
}
