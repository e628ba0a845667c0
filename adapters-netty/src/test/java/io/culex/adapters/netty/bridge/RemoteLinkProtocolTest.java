package io.culex.adapters.netty.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.bridge.RemoteAddress;
import io.culex.application.bridge.RemoteConnectRequest;
import io.culex.application.bridge.RemoteLink;
import io.culex.application.connection.PublishRequest;
import io.culex.application.protocol.ProtocolVersion;
import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import io.culex.domain.session.Delivery;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bridge's connection against a remote scripted byte by byte over a real socket: what it sends
 * (try_private, PINGREQ) and how it reacts to silence, bad packets and the remote's DISCONNECT.
 */
class RemoteLinkProtocolTest {

    private static final byte[] CONNACK_ACCEPTED = {0x20, 0x02, 0x00, 0x00};
    private static final byte[] CONNACK_ACCEPTED_V5 = {0x20, 0x03, 0x00, 0x00, 0x00};
    private static EventLoopGroup group;

    @BeforeAll
    static void startLoops() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopLoops() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** One accepted connection of a loopback server socket, read and written by the test. */
    private static final class RawRemote implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket;

        RawRemote() throws IOException {
            server.setSoTimeout(10_000);
        }

        RemoteAddress address() {
            return new RemoteAddress("127.0.0.1", server.getLocalPort());
        }

        /** Accepts the bridge and returns its first packet (the CONNECT), whole. */
        byte[] acceptConnect() throws IOException {
            socket = server.accept();
            socket.setSoTimeout(10_000);
            return readPacket();
        }

        byte[] readPacket() throws IOException {
            InputStream in = socket.getInputStream();
            int first = in.read();
            int length = 0;
            int shift = 0;
            int b;
            do {
                b = in.read();
                length |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            byte[] body = new byte[length];
            new DataInputStream(in).readFully(body);
            byte[] packet = new byte[body.length + 1];
            packet[0] = (byte) first;
            System.arraycopy(body, 0, packet, 1, body.length);
            return packet;
        }

        void send(byte... bytes) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
            }
            server.close();
        }
    }

    private static RemoteConnectRequest request(ProtocolVersion version, boolean tryPrivate, int keepAlive) {
        return new RemoteConnectRequest(version, tryPrivate, "b", true, 0, keepAlive, null, null, null, 0, 0, null);
    }

    /** The protocol level byte of a CONNECT read whole (type byte, then name "MQTT"/"MQIsdp" with its length). */
    private static int level(byte[] connect) {
        int nameLength = ((connect[1] & 0xFF) << 8) | (connect[2] & 0xFF);
        return connect[3 + nameLength] & 0xFF;
    }

    @Test
    void tryPrivateSetsTheBridgeBitOnMqtt3Only() throws Exception {
        NettyRemoteConnector connector = new NettyRemoteConnector(group);
        int[][] cases = {{4, 1, 0x84}, {4, 0, 0x04}, {3, 1, 0x83}, {5, 1, 0x05}};
        for (int[] c : cases) {
            ProtocolVersion version = ProtocolVersion.ofLevel(c[0]);
            try (RawRemote remote = new RawRemote()) {
                RecordingListener listener = new RecordingListener();
                connector.connect(remote.address(), request(version, c[1] == 1, 60), listener);
                assertEquals(c[2], level(remote.acceptConnect()), version + " try_private " + (c[1] == 1));
            }
        }
    }

    @Test
    void aSilentRemoteIsPingedThenDroppedForKeepaliveTimeout() throws Exception {
        try (RawRemote remote = new RawRemote()) {
            RecordingListener listener = new RecordingListener();
            new NettyRemoteConnector(group).connect(remote.address(), request(ProtocolVersion.MQTT_3_1_1, true, 1),
                    listener);
            remote.acceptConnect();
            remote.send(CONNACK_ACCEPTED);
            listener.awaitConnected();

            assertEquals(0xC0, remote.readPacket()[0] & 0xFF, "PINGREQ after a keepalive without sending");
            assertEquals("keepalive timeout", listener.next("disconnected"));
        }
    }

    @Test
    void aRemoteThatAnswersPingsStaysConnected() throws Exception {
        try (RawRemote remote = new RawRemote()) {
            RecordingListener listener = new RecordingListener();
            new NettyRemoteConnector(group).connect(remote.address(), request(ProtocolVersion.MQTT_3_1_1, true, 1),
                    listener);
            remote.acceptConnect();
            remote.send(CONNACK_ACCEPTED);
            listener.awaitConnected();
            for (int ping = 0; ping < 3; ping++) {
                assertEquals(0xC0, remote.readPacket()[0] & 0xFF);
                remote.send((byte) 0xD0, (byte) 0x00); // PINGRESP
            }
            assertEquals(null, listener.poll(0), "still connected after three keepalive periods");
        }
    }

    @Test
    void noConnackInTimeFailsTheConnect() throws Exception {
        try (RawRemote remote = new RawRemote()) {
            RecordingListener listener = new RecordingListener();
            new NettyRemoteConnector(group, Duration.ofMillis(300)).connect(remote.address(),
                    request(ProtocolVersion.MQTT_3_1_1, true, 60), listener);
            remote.acceptConnect();
            assertEquals("timed out after 300 ms", listener.next("connectFailed"));
        }
    }

    @Test
    void aClosedSocketBeforeConnackFailsTheConnect() throws Exception {
        try (RawRemote remote = new RawRemote()) {
            RecordingListener listener = new RecordingListener();
            new NettyRemoteConnector(group).connect(remote.address(), request(ProtocolVersion.MQTT_3_1_1, true, 60),
                    listener);
            remote.acceptConnect();
            remote.socket.close();
            assertEquals("connection closed before CONNACK", listener.next("connectFailed"));
        }
    }

    @Test
    void aMalformedPacketClosesTheLinkWithTheReason() throws Exception {
        try (RawRemote remote = new RawRemote()) {
            RecordingListener listener = new RecordingListener();
            new NettyRemoteConnector(group).connect(remote.address(), request(ProtocolVersion.MQTT_3_1_1, true, 60),
                    listener);
            remote.acceptConnect();
            remote.send(CONNACK_ACCEPTED);
            listener.awaitConnected();
            remote.send((byte) 0x30, (byte) 0x02, (byte) 0x00, (byte) 0x05); // PUBLISH whose topic runs past its end

            String reason = (String) listener.next("disconnected");
            assertTrue(reason.startsWith("malformed packet from the remote: "), reason);
        }
    }

    @Test
    void theRemotesDisconnectIsTheReasonAndTopicAliasesAreResolved() throws Exception {
        try (RawRemote remote = new RawRemote()) {
            RecordingListener listener = new RecordingListener();
            new NettyRemoteConnector(group).connect(remote.address(), request(ProtocolVersion.MQTT_5, false, 60),
                    listener);
            remote.acceptConnect();
            remote.send(CONNACK_ACCEPTED_V5);
            listener.awaitConnected();

            // PUBLISH QoS 0 "a/b" with Topic Alias 1 (property 0x23), payload "x"; then alias 1 alone, payload "y".
            remote.send((byte) 0x30, (byte) 0x0A, (byte) 0x00, (byte) 0x03, (byte) 'a', (byte) '/', (byte) 'b',
                    (byte) 0x03, (byte) 0x23, (byte) 0x00, (byte) 0x01, (byte) 'x');
            remote.send((byte) 0x30, (byte) 0x07, (byte) 0x00, (byte) 0x00,
                    (byte) 0x03, (byte) 0x23, (byte) 0x00, (byte) 0x01, (byte) 'y');
            assertEquals("a/b", ((PublishRequest) listener.next("publish")).topic());
            PublishRequest aliased = (PublishRequest) listener.next("publish");
            assertEquals("a/b", aliased.topic());
            assertEquals(PublishRequest.NO_ALIAS, aliased.topicAlias());

            remote.send((byte) 0xE0, (byte) 0x01, (byte) 0x8B); // DISCONNECT 0x8B server shutting down
            assertEquals("remote sent DISCONNECT 0x8B", listener.next("disconnected"));
        }
    }

    @Test
    void aPacketTheEncoderRefusesClosesTheLinkInsteadOfVanishing() throws Exception {
        try (RawRemote remote = new RawRemote()) {
            RecordingListener listener = new RecordingListener();
            new NettyRemoteConnector(group).connect(remote.address(), request(ProtocolVersion.MQTT_3_1_1, true, 60),
                    listener);
            remote.acceptConnect();
            remote.send(CONNACK_ACCEPTED);
            RemoteLink link = listener.awaitConnected();

            Message message = new Message("t", new byte[1], QoS.AT_LEAST_ONCE, false);
            link.publish(0, "t", new Delivery(message, QoS.AT_LEAST_ONCE, false), false, -1); // QoS 1 needs a packet id
            link.flush();

            String reason = (String) listener.next("disconnected");
            assertTrue(reason.startsWith("could not send a packet: "), reason);
        }
    }

    /** Runs {@code call} on the link's event loop, after everything queued there before, and returns its result. */
    private static <T> T onEventLoop(RemoteLink link, Callable<T> call) throws Exception {
        FutureTask<T> task = new FutureTask<>(call);
        link.eventLoop().execute(task);
        return task.get(RecordingListener.WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aRemoteThatStopsReadingMakesTheLinkUnwritableUntilItCatchesUp() throws Exception {
        try (RawRemote remote = new RawRemote()) {
            RecordingListener listener = new RecordingListener();
            new NettyRemoteConnector(group).connect(remote.address(), request(ProtocolVersion.MQTT_3_1_1, true, 0),
                    listener);
            remote.acceptConnect();
            remote.send(CONNACK_ACCEPTED);
            RemoteLink link = listener.awaitConnected();
            assertTrue(link.isWritable());

            // Written from the link's event loop, as the bridge does: there a write is encoded and flushed at once,
            // so isWritable() says what the socket took. (Written from the test thread, the writes would only be
            // queued to the loop, and a busy machine could reach the bound before the loop had run any.)
            Delivery delivery = new Delivery(new Message("t", new byte[64 * 1024], QoS.AT_MOST_ONCE, false),
                    QoS.AT_MOST_ONCE, false);
            int written = onEventLoop(link, () -> {
                int count = 0;
                while (link.isWritable() && count < 2_000) { // bounded: the buffers fill long before
                    link.publish(0, "big", delivery, false, -1);
                    link.flush();
                    count++;
                }
                return count;
            });
            assertTrue(!onEventLoop(link, link::isWritable), "still writable after " + written + " publishes of 64 KiB");

            // Each PUBLISH: 1 type byte, 3 length bytes, topic "big" with its 2-byte length, 64 KiB payload.
            remote.socket.getInputStream().skipNBytes((long) written * (1 + 3 + 2 + 3 + 64 * 1024));
            // The loop wrote the last bytes and updated its buffer in one task, so a task queued after the remote
            // read them sees the link writable. The listener was told when it crossed the low-water mark; the
            // kernel growing its buffers may have made that happen before the remote read anything.
            assertTrue(onEventLoop(link, link::isWritable), "not writable after the remote read everything");
            listener.next("writable");
        }
    }
}
