package io.culex.adapters.netty.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.PubcompPacket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MqttClientConnectionTest {

    private static final long WAIT = 10;

    private ScriptedBroker broker;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
    private final ClientListener listener = new ClientListener() {
        @Override
        public void messageArrived(ReceivedMessage message) {
            messages.add(message);
        }

        @Override
        public void packetLogged(String description) {
            log.add(description);
        }
    };

    @BeforeEach
    void start() throws InterruptedException {
        broker = new ScriptedBroker();
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private MqttClientConnection connect(String clientId) {
        return MqttClientConnection.open(ClientOptions.of("127.0.0.1", broker.port(), clientId), listener);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT, TimeUnit.SECONDS);
    }

    @Test
    void connectSendsTheOptionsAndCompletesAtConnack() throws Exception {
        ClientOptions options = new ClientOptions("127.0.0.1", broker.port(), MqttVersion.MQTT_3_1, "id-31", false, 30,
                "user", "pw".getBytes(StandardCharsets.UTF_8),
                new ClientWill("will/t", "bye".getBytes(StandardCharsets.UTF_8), 1, true), 5_000);
        try (MqttClientConnection client = MqttClientConnection.open(options, listener)) {
            assertFalse(await(client.connected()));
            ConnectPacket connect = (ConnectPacket) broker.received.get(0);
            assertEquals("MQIsdp", connect.protocolName());
            assertEquals(3, connect.protocolLevel());
            assertEquals("id-31", connect.clientId());
            assertFalse(connect.cleanSession());
            assertEquals(30, connect.keepAliveSeconds());
            assertEquals("user", connect.username());
            assertEquals("will/t", connect.will().topic());
            assertTrue(connect.will().retain());
            assertEquals(List.of("sending CONNECT", "received CONNACK (0)"), log);
        }
    }

    @Test
    void qos1PublishCompletesAtPubackAndTheEchoIsAcknowledged() throws Exception {
        try (MqttClientConnection client = connect("c1")) {
            await(client.connected());
            await(client.publish("t", "x".getBytes(StandardCharsets.UTF_8), 1, false));
            waitFor(() -> messages.size() == 1);
            assertEquals("t", messages.get(0).topic());
            assertEquals(7, messages.get(0).packetId());
            waitFor(() -> log.contains("sending PUBACK (m7, rc0)"));
            assertTrue(log.contains("sending PUBLISH (d0, q1, r0, m1, 't', ... (1 bytes))"), log::toString);
            assertTrue(log.contains("received PUBACK (Mid: 1, RC:0)"), log::toString);
        }
    }

    @Test
    void qos2FlowsBothWaysAndInboundIsDeliveredAtPubrel() throws Exception {
        try (MqttClientConnection client = connect("c2")) {
            await(client.connected());
            await(client.publish("t", new byte[0], 2, true));
            assertTrue(log.containsAll(List.of("sending PUBLISH (d0, q2, r1, m1, 't', ... (0 bytes))",
                    "received PUBREC (Mid: 1)", "sending PUBREL (m1)", "received PUBCOMP (Mid: 1, RC:0)")), log::toString);
            waitFor(() -> broker.received.contains(new PubcompPacket(7)));
            // PUBCOMP goes out before the listener is called (libmosquitto's order), so wait for the delivery.
            waitFor(() -> messages.size() == 1);
            int pubrec = log.indexOf("sending PUBREC (m7, rc0)");
            int pubrel = log.indexOf("received PUBREL (Mid: 7)");
            assertTrue(pubrec >= 0 && pubrel > pubrec, log::toString);
        }
    }

    @Test
    void subscribeAndUnsubscribeCompleteWithTheirAcks() throws Exception {
        try (MqttClientConnection client = connect("c3")) {
            await(client.connected());
            assertEquals(List.of(2, 2), await(client.subscribe(List.of("a/#", "b"), 2)));
            await(client.unsubscribe(List.of("a/#")));
            assertEquals(List.of("sending CONNECT", "received CONNACK (0)",
                    "sending SUBSCRIBE (Mid: 1, Topic: a/#, QoS: 2, Options: 0x00)",
                    "sending SUBSCRIBE (Mid: 1, Topic: b, QoS: 2, Options: 0x00)", "received SUBACK",
                    "sending UNSUBSCRIBE (Mid: 2, Topic: a/#)", "received UNSUBACK"), log);
            await(client.disconnect());
            assertEquals("sending DISCONNECT", log.get(log.size() - 1));
        }
    }

    @Test
    void refusedConnackFailsWithItsReturnCode() {
        try (MqttClientConnection client = connect("refuse-me")) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> await(client.connected()));
            assertEquals(5, assertInstanceOf(ConnectionRefusedException.class, e.getCause()).returnCode());
        }
    }

    @Test
    void nothingListeningFailsWithConnectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (MqttClientConnection client = MqttClientConnection.open(ClientOptions.of("127.0.0.1", port, ""), listener)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> await(client.connected()));
            assertEquals("Connection refused", e.getCause().getMessage());
            assertTrue(client.closed().isDone());
        }
    }

    @Test
    void lostConnectionFailsPendingRequestsAndCompletesClosed() throws Exception {
        try (MqttClientConnection client = connect("c4")) {
            await(client.connected());
            CompletableFuture<Void> pending = client.publish("close", new byte[0], 1, false);
            ExecutionException e = assertThrows(ExecutionException.class, () -> await(pending));
            assertInstanceOf(MqttClientException.class, e.getCause());
            await(client.closed());
            ExecutionException afterClose = assertThrows(ExecutionException.class,
                    () -> await(client.publish("t", new byte[0], 0, false)));
            assertInstanceOf(MqttClientException.class, afterClose.getCause());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT + " s");
            }
            Thread.sleep(5);
        }
    }
}
