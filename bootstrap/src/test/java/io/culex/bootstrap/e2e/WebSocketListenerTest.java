package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.CulexBroker;
import io.culex.bootstrap.config.ConfigParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code protocol websockets} listeners, plain and with TLS, driven by Paho (ws://, wss://) and by raw frames. */
class WebSocketListenerTest {

    private static CulexBroker start(String... lines) throws Exception {
        return CulexBroker.start(ConfigParser.parse("allow_anonymous true\nsys_interval 0\n"
                + String.join("\n", lines) + "\n", "test.conf"));
    }

    @Test
    void pahoOverWebSocketsAndPlainMqttShareTheBroker() throws Exception {
        try (CulexBroker broker = start("listener 0 127.0.0.1", "listener 0 127.0.0.1", "protocol websockets")) {
            int mqttPort = broker.listeners().get(0).getPort();
            int wsPort = broker.listeners().get(1).getPort();
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            MqttClient wsSubscriber = connect("ws://127.0.0.1:" + wsPort + "/mqtt", "ws-sub", null);
            wsSubscriber.subscribe("ws/#", 1, (topic, message) ->
                    received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
            MqttClient tcpPublisher = connect("tcp://127.0.0.1:" + mqttPort, "tcp-pub", null);
            tcpPublisher.publish("ws/from-tcp", "hello ws".getBytes(StandardCharsets.UTF_8), 1, false);
            assertEquals("ws/from-tcp hello ws", received.poll(10, TimeUnit.SECONDS));

            MqttClient wsPublisher = connect("ws://127.0.0.1:" + wsPort, "ws-pub", null);
            byte[] large = new byte[200_000];
            Arrays.fill(large, (byte) 'x');
            wsPublisher.publish("ws/large", large, 2, false);
            String message = received.poll(10, TimeUnit.SECONDS);
            assertEquals("ws/large " + new String(large, StandardCharsets.UTF_8), message);
            for (MqttClient client : List.of(wsSubscriber, tcpPublisher, wsPublisher)) {
                client.disconnect();
                client.close();
            }
        }
    }

    @Test
    void pahoOverSecureWebSockets(@TempDir Path dir) throws Exception {
        TestCertificates pki = TestCertificates.create(dir);
        try (CulexBroker broker = start("listener 0 127.0.0.1", "protocol websockets",
                "certfile " + pki.serverCert, "keyfile " + pki.serverKey)) {
            String uri = "wss://127.0.0.1:" + broker.listeners().get(0).getPort();
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            MqttClient subscriber = connect(uri, "wss-sub", TlsListenerTest.trusting(pki.caCert));
            subscriber.subscribe("wss/test", 0, (topic, message) ->
                    received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            MqttClient publisher = connect(uri, "wss-pub", TlsListenerTest.trusting(pki.caCert));
            publisher.publish("wss/test", "secure ws".getBytes(StandardCharsets.UTF_8), 1, false);
            assertEquals("secure ws", received.poll(10, TimeUnit.SECONDS));
            publisher.disconnect();
            subscriber.disconnect();
            publisher.close();
            subscriber.close();
        }
    }

    @Test
    void packetsSplitOverFramesAndJoinedInOneFrameAreDecoded() throws Exception {
        try (CulexBroker broker = start("listener 0 127.0.0.1", "protocol websockets");
             WebSocketTestClient client = new WebSocketTestClient(broker.listeners().get(0).getPort(),
                     "/any/path", "mqtt")) {
            assertEquals("mqtt", client.subprotocol());
            byte[] connect = RawPackets.connect("ws-raw", true, 60);
            client.sendFrame(Arrays.copyOfRange(connect, 0, 3));
            client.sendFrame(Arrays.copyOfRange(connect, 3, connect.length));
            assertArrayEquals(new byte[] {0x20, 0x02, 0x00, 0x00}, client.awaitBytes(4));

            byte[] subscribe = RawPackets.subscribe(1, "ws/raw", 0);
            byte[] publish = RawPackets.publish("ws/raw", "joined".getBytes(StandardCharsets.UTF_8), 0, 0);
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            joined.writeBytes(subscribe);
            joined.writeBytes(Arrays.copyOfRange(publish, 0, 5));
            client.sendFrame(joined.toByteArray());
            client.sendFrame(Arrays.copyOfRange(publish, 5, publish.length));

            byte[] suback = {(byte) 0x90, 0x03, 0x00, 0x01, 0x00};
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.writeBytes(new byte[] {0x20, 0x02, 0x00, 0x00});
            expected.writeBytes(suback);
            expected.writeBytes(publish);
            assertArrayEquals(expected.toByteArray(), client.awaitBytes(expected.size()));
        }
    }

    @Test
    void theMqttV31SubprotocolIsAcceptedToo() throws Exception {
        try (CulexBroker broker = start("listener 0 127.0.0.1", "protocol websockets");
             WebSocketTestClient client = new WebSocketTestClient(broker.listeners().get(0).getPort(), "/",
                     "mqttv3.1")) {
            assertEquals("mqttv3.1", client.subprotocol());
            client.sendFrame(RawPackets.connect("MQIsdp", 3, "ws-31", true, 60));
            assertArrayEquals(new byte[] {0x20, 0x02, 0x00, 0x00}, client.awaitBytes(4));
        }
    }

    @Test
    void aPlainMqttClientIsNotServedByAWebSocketListener() throws Exception {
        try (CulexBroker broker = start("listener 0 127.0.0.1", "protocol websockets");
             java.net.Socket socket = new java.net.Socket("127.0.0.1", broker.listeners().get(0).getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(RawPackets.connect("not-ws", true, 60));
            socket.getOutputStream().flush();
            byte[] reply = socket.getInputStream().readNBytes(4);
            assertTrue(reply.length < 4 || reply[0] != 0x20, "got a CONNACK over a WebSocket listener");
        }
    }

    static MqttClient connect(String uri, String clientId, javax.net.ssl.SSLSocketFactory factory) throws Exception {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setConnectionTimeout(10);
        if (factory != null) {
            options.setSocketFactory(factory);
        }
        client.connect(options);
        return client;
    }
}
