package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.bootstrap.CulexBroker;
import io.culex.bootstrap.config.BrokerConfig;
import io.culex.bootstrap.config.ConfigParser;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Mosquitto-style configuration split over a main file and an include_dir, with two listener
 * blocks and per-listener options, starts a broker whose listeners all serve the same clients.
 */
class MultiListenerConfigTest {

    @Test
    void listenerBlocksFromTheMainFileAndAnIncludeDirAllServe(@TempDir Path dir) throws Exception {
        Path confD = Files.createDirectory(dir.resolve("conf.d"));
        Files.writeString(confD.resolve("10-second-listener.conf"), String.join("\n",
                "# a second listener, as distributions ship in conf.d",
                "listener 0 127.0.0.1",
                "max_connections 100",
                "protocol mqtt",
                ""), StandardCharsets.UTF_8);
        Files.writeString(confD.resolve("20-limits.conf"), "max_queued_messages 200\nsys_interval 0\n", StandardCharsets.UTF_8);
        Path main = dir.resolve("culex.conf");
        Files.writeString(main, String.join("\n",
                "per_listener_settings false",
                "allow_anonymous true",
                "listener 0 127.0.0.1",
                "include_dir " + confD,
                ""), StandardCharsets.UTF_8);

        BrokerConfig config = ConfigParser.parse(main);
        assertEquals(2, config.listeners().size());
        assertEquals(200, config.maxQueuedMessages());
        assertEquals(100, config.listeners().get(1).maxConnections());
        assertEquals(-1, config.listeners().get(0).maxConnections());

        try (CulexBroker broker = CulexBroker.start(config)) {
            List<InetSocketAddress> bound = broker.listeners();
            assertEquals(2, bound.size());
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            MqttClient subscriber = connect(bound.get(0), "on-first");
            subscriber.subscribe("across/listeners", 1, (topic, message) ->
                    received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            MqttClient publisher = connect(bound.get(1), "on-second");

            publisher.publish("across/listeners", "hello".getBytes(StandardCharsets.UTF_8), 1, false);

            assertEquals("hello", received.poll(10, TimeUnit.SECONDS));
            publisher.disconnect();
            subscriber.disconnect();
            publisher.close();
            subscriber.close();
        }
    }

    private static MqttClient connect(InetSocketAddress address, String clientId) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + address.getPort(), clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setConnectionTimeout(10);
        client.connect(options);
        return client;
    }
}
