package io.culex.adapters.netty.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.client.ClientListener;
import io.culex.adapters.netty.client.ClientOptions;
import io.culex.adapters.netty.client.MqttClientConnection;
import io.culex.adapters.netty.client.ReceivedMessage;
import io.culex.application.bridge.BridgeTls;
import io.culex.application.bridge.RemoteAddress;
import io.culex.application.bridge.RemoteConnectRequest;
import io.culex.application.bridge.RemoteLink;
import io.culex.application.bridge.RemoteSubscription;
import io.culex.application.bridge.RemoteWill;
import io.culex.application.connection.PublishRequest;
import io.culex.application.protocol.ProtocolVersion;
import io.culex.application.protocol.ReasonCode;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.session.Delivery;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bridge's connection against Debian's mosquitto as the remote broker, another client watching there. */
class NettyRemoteConnectorTest {

    private static final String HOST = "127.0.0.1";
    private static EventLoopGroup group;
    private static NettyRemoteConnector connector;

    @TempDir
    Path dir;

    @BeforeAll
    static void startLoops() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        connector = new NettyRemoteConnector(group);
    }

    @AfterAll
    static void stopLoops() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    static RemoteConnectRequest request(ProtocolVersion version, String clientId) {
        return new RemoteConnectRequest(version, true, clientId, true, 0, 60, null, null, null, 0, 0, null);
    }

    private static Delivery delivery(String payload, QoS qos, boolean retain) {
        return new Delivery(new Message("ignored", payload.getBytes(StandardCharsets.UTF_8), qos, retain), qos, retain);
    }

    /** A client on the remote broker, to see what the bridge sends and to send it messages. */
    private static final class Watcher implements ClientListener, AutoCloseable {
        final BlockingQueue<ReceivedMessage> received = new LinkedBlockingQueue<>();
        final MqttClientConnection connection;

        Watcher(int port, String clientId) throws Exception {
            connection = MqttClientConnection.open(ClientOptions.of(HOST, port, clientId), this);
            connection.connected().get(10, TimeUnit.SECONDS);
        }

        @Override
        public void messageArrived(ReceivedMessage message) {
            received.add(message);
        }

        ReceivedMessage next() throws InterruptedException {
            ReceivedMessage message = received.poll(10, TimeUnit.SECONDS);
            assertTrue(message != null, "nothing arrived on the remote within 10 s");
            return message;
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void receivesFromTheRemoteAtEveryQos(ProtocolVersion version) throws Exception {
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true");
             Watcher publisher = new Watcher(remote.port(), "publisher")) {
            RecordingListener listener = new RecordingListener();
            connector.connect(new RemoteAddress(HOST, remote.port()), request(version, "bridge-in"), listener);
            RemoteLink link = listener.awaitConnected();
            assertEquals(QoS.EXACTLY_ONCE, listener.connack().maximumQoS());
            assertEquals("127.0.0.1:" + remote.port(), link.remoteAddress());

            link.subscribe(1, List.of(new RemoteSubscription("in/#", QoS.EXACTLY_ONCE, false, false)));
            link.flush();
            assertEquals(List.of(1, List.of(2)), listener.next("suback"));

            for (int qos = 0; qos <= 2; qos++) {
                publisher.connection.publish("in/q" + qos, ("m" + qos).getBytes(StandardCharsets.UTF_8), qos, false)
                        .get(10, TimeUnit.SECONDS);
                PublishRequest received = (PublishRequest) listener.next("publish");
                assertEquals("in/q" + qos, received.topic());
                assertArrayEquals(("m" + qos).getBytes(StandardCharsets.UTF_8), received.payload());
                assertEquals(QoS.of(qos), received.qos());
                if (qos == 1) {
                    link.puback(received.packetId(), ReasonCode.SUCCESS);
                    link.flush();
                } else if (qos == 2) {
                    link.pubrec(received.packetId(), ReasonCode.SUCCESS);
                    link.flush();
                    assertEquals(received.packetId(), listener.next("pubrel"));
                    link.pubcomp(received.packetId(), ReasonCode.SUCCESS);
                    link.flush();
                }
            }
            link.unsubscribe(2, List.of("in/#"));
            link.flush();
            assertEquals(2, listener.next("unsuback"));

            link.disconnect();
            assertEquals("disconnected by the bridge", listener.next("disconnected"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void publishesToTheRemoteAtEveryQos(ProtocolVersion version) throws Exception {
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true");
             Watcher watcher = new Watcher(remote.port(), "watcher")) {
            watcher.connection.subscribe(List.of("out/#"), 2).get(10, TimeUnit.SECONDS);
            RecordingListener listener = new RecordingListener();
            connector.connect(new RemoteAddress(HOST, remote.port()), request(version, "bridge-out"), listener);
            RemoteLink link = listener.awaitConnected();

            assertTrue(link.publish(0, "out/q0", delivery("zero", QoS.AT_MOST_ONCE, false), false, -1));
            assertTrue(link.publish(11, "out/q1", delivery("one", QoS.AT_LEAST_ONCE, true), false, -1));
            assertTrue(link.publish(12, "out/q2", delivery("two", QoS.EXACTLY_ONCE, false), false, 3600));
            link.flush();

            assertEquals(List.of(11, 0), listener.next("puback"));
            assertEquals(List.of(12, 0), listener.next("pubrec"));
            link.pubrel(12);
            link.flush();
            assertEquals(List.of(12, 0), listener.next("pubcomp"));

            ReceivedMessage zero = watcher.next();
            ReceivedMessage one = watcher.next();
            ReceivedMessage two = watcher.next();
            assertEquals("out/q0 zero 0", zero.topic() + " " + new String(zero.payload(), StandardCharsets.UTF_8) + " " + zero.qos());
            assertEquals("out/q1 one 1", one.topic() + " " + new String(one.payload(), StandardCharsets.UTF_8) + " " + one.qos());
            assertEquals("out/q2 two 2", two.topic() + " " + new String(two.payload(), StandardCharsets.UTF_8) + " " + two.qos());
            link.close();
            assertEquals("closed by the bridge", listener.next("disconnected"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"MQTT_3_1_1", "MQTT_5"})
    void aRefusingConnackIsReportedWithItsCode(ProtocolVersion version) throws Exception {
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous false")) {
            RecordingListener listener = new RecordingListener();
            connector.connect(new RemoteAddress(HOST, remote.port()), request(version, "bridge"), listener);
            assertEquals(version == ProtocolVersion.MQTT_5 ? "CONNACK 0x87 not authorized" : "CONNACK 0x05 not authorized",
                    listener.next("connectFailed"));
            assertNull(listener.poll(300), "nothing after connectFailed");
        }
    }

    @Test
    void anUnreachablePortIsConnectionRefused() throws Exception {
        RecordingListener listener = new RecordingListener();
        connector.connect(new RemoteAddress(HOST, MosquittoProcess.freePort()),
                request(ProtocolVersion.MQTT_3_1_1, "bridge"), listener);
        assertEquals("connection refused", listener.next("connectFailed"));
    }

    @Test
    void anUnknownHostIsNamed() throws Exception {
        RecordingListener listener = new RecordingListener();
        connector.connect(new RemoteAddress("no-such-host.invalid", 1883),
                request(ProtocolVersion.MQTT_3_1_1, "bridge"), listener);
        assertEquals("unknown host: no-such-host.invalid", listener.next("connectFailed"));
    }

    @Test
    void theRemotesMaximumPacketSizeIsRespected() throws Exception {
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true", "max_packet_size 100")) {
            RecordingListener listener = new RecordingListener();
            connector.connect(new RemoteAddress(HOST, remote.port()), request(ProtocolVersion.MQTT_5, "bridge"), listener);
            RemoteLink link = listener.awaitConnected();
            assertEquals(100, listener.connack().maximumPacketSize());

            assertFalse(link.publish(0, "big", delivery("x".repeat(200), QoS.AT_MOST_ONCE, false), false, -1));
            assertTrue(link.publish(0, "small", delivery("x".repeat(20), QoS.AT_MOST_ONCE, false), false, -1));
            link.disconnect();
            assertEquals("disconnected by the bridge", listener.next("disconnected"));
        }
    }

    @Test
    void closeLeavesTheWillAndDisconnectDoesNot() throws Exception {
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true");
             Watcher watcher = new Watcher(remote.port(), "watcher")) {
            watcher.connection.subscribe(List.of("state/#"), 1).get(10, TimeUnit.SECONDS);
            RemoteWill will = new RemoteWill("state/bridge", "0".getBytes(StandardCharsets.UTF_8), QoS.AT_LEAST_ONCE, false);
            RemoteConnectRequest withWill = new RemoteConnectRequest(ProtocolVersion.MQTT_3_1_1, true, "bridge-will",
                    true, 0, 60, null, null, will, 0, 0, null);

            RecordingListener polite = new RecordingListener();
            connector.connect(new RemoteAddress(HOST, remote.port()), withWill, polite);
            polite.awaitConnected().disconnect();
            polite.next("disconnected");

            RecordingListener abrupt = new RecordingListener();
            connector.connect(new RemoteAddress(HOST, remote.port()), withWill, abrupt);
            abrupt.awaitConnected().close();
            abrupt.next("disconnected");

            ReceivedMessage published = watcher.next();
            assertEquals("state/bridge", published.topic());
            assertNull(watcher.received.poll(300, TimeUnit.MILLISECONDS), "one will only: the abrupt close's");
        }
    }

    @Test
    void tlsWithTheRemotesCaConnectsAndAnotherCaIsRefused() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true",
                "certfile " + certificates.serverCert(), "keyfile " + certificates.serverKey())) {
            RemoteAddress address = new RemoteAddress("localhost", remote.port());
            RecordingListener trusted = new RecordingListener();
            connector.connect(address, tlsRequest(new BridgeTls(certificates.caCert().toString(), null, null, null,
                    false, null, null)), trusted);
            RemoteLink link = trusted.awaitConnected();
            link.disconnect();
            trusted.next("disconnected");

            RecordingListener untrusted = new RecordingListener();
            connector.connect(address, tlsRequest(new BridgeTls(certificates.otherCaCert().toString(), null, null,
                    null, false, null, null)), untrusted);
            String reason = (String) untrusted.next("connectFailed");
            assertTrue(reason.startsWith("TLS handshake failed: "), reason);

            RecordingListener missingFile = new RecordingListener();
            connector.connect(address, tlsRequest(new BridgeTls(dir.resolve("nope.pem").toString(), null, null, null,
                    false, null, null)), missingFile);
            String configuration = (String) missingFile.next("connectFailed");
            assertTrue(configuration.startsWith("TLS configuration: ") && configuration.contains("no such file"),
                    configuration);
        }
    }

    @Test
    void aClientCertificateSatisfiesARemoteThatRequiresOne() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        try (MosquittoProcess remote = MosquittoProcess.start(dir, "allow_anonymous true",
                "certfile " + certificates.serverCert(), "keyfile " + certificates.serverKey(),
                "cafile " + certificates.caCert(), "require_certificate true")) {
            RemoteAddress address = new RemoteAddress("localhost", remote.port());
            RecordingListener withCertificate = new RecordingListener();
            connector.connect(address, tlsRequest(new BridgeTls(certificates.caCert().toString(), null,
                    certificates.clientCert().toString(), certificates.clientKey().toString(), false, "tlsv1.2",
                    null)), withCertificate);
            withCertificate.awaitConnected().disconnect();
            withCertificate.next("disconnected");

            RecordingListener without = new RecordingListener();
            connector.connect(address, tlsRequest(new BridgeTls(certificates.caCert().toString(), null, null, null,
                    false, "tlsv1.2", null)), without);
            String reason = (String) without.next("connectFailed");
            assertTrue(reason.startsWith("TLS handshake failed: "), reason);
        }
    }

    private static RemoteConnectRequest tlsRequest(BridgeTls tls) {
        return new RemoteConnectRequest(ProtocolVersion.MQTT_3_1_1, true, "bridge-tls", true, 0, 60, null, null, null,
                0, 0, tls);
    }
}
