package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.RawPackets5.Props;
import io.culex.bootstrap.e2e.RawPackets5.Received;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * An MQTT 5 client made of raw bytes on a {@link RawMqttClient}: it acknowledges nothing on its
 * own, so a test decides what the broker sees, and every packet it reads back is parsed by
 * {@link RawPackets5#parse}. Every read is bounded.
 */
final class RawMqtt5Client implements AutoCloseable {

    private final RawMqttClient socket;
    private int lastPacketSize;

    private RawMqtt5Client(RawMqttClient socket) {
        this.socket = socket;
    }

    static RawMqtt5Client open(int port) throws IOException {
        return new RawMqtt5Client(RawMqttClient.open(port));
    }

    /** Opens a connection and connects with clean start, keepalive 60 s and {@code properties}; fails unless accepted. */
    static RawMqtt5Client connect(int port, String clientId, Props properties) throws IOException {
        return connect(port, clientId, true, properties);
    }

    static RawMqtt5Client connect(int port, String clientId, boolean cleanStart, Props properties)
            throws IOException {
        RawMqtt5Client client = open(port);
        try {
            Received connack = client.connect(clientId, cleanStart, 60, properties);
            assertEquals(0, connack.reasonCode(), "CONNACK " + connack);
            return client;
        } catch (IOException | RuntimeException | AssertionError e) {
            client.close();
            throw e;
        }
    }

    static RawMqtt5Client connect(int port, String clientId) throws IOException {
        return connect(port, clientId, Props.none());
    }

    /** Sends CONNECT and returns the CONNACK. */
    Received connect(String clientId, boolean cleanStart, int keepAliveSeconds, Props properties) throws IOException {
        send(RawPackets5.connect(clientId, cleanStart, keepAliveSeconds, properties));
        return expect(RawPackets5.CONNACK);
    }

    void send(byte[]... packets) throws IOException {
        socket.send(packets);
    }

    /** The next packet, whatever it is. */
    Received next() throws IOException {
        return parse(socket.readPacket());
    }

    /** The next packet if one arrives within {@code millis}, else null. */
    Received nextWithin(long millis) throws IOException {
        RawMqttClient.Packet packet = socket.readPacketWithin(Duration.ofMillis(millis));
        return packet == null ? null : parse(packet);
    }

    private Received parse(RawMqttClient.Packet packet) {
        lastPacketSize = 1 + RawPackets.remainingLength(packet.body().length).length + packet.body().length;
        return RawPackets5.parse(packet);
    }

    /** The size in bytes of the packet read last, fixed header included (what Maximum Packet Size counts). */
    int lastPacketSize() {
        return lastPacketSize;
    }

    /** The next packet, which must be of {@code type}. */
    Received expect(int type) throws IOException {
        Received received = next();
        assertEquals(type, received.type(), "packet type of " + received);
        return received;
    }

    /** Publishes at QoS 1 and returns the PUBACK. */
    Received publishQos1(String topic, String payload, int packetId, Props properties) throws IOException {
        send(RawPackets5.publish(topic, payload, 1, false, packetId, properties));
        Received puback = expect(RawPackets5.PUBACK);
        assertEquals(packetId, puback.packetId());
        return puback;
    }

    /** Subscribes to one filter and returns the SUBACK's reason codes. */
    List<Integer> subscribe(int packetId, String filter, int options) throws IOException {
        send(RawPackets5.subscribe(packetId, filter, options));
        Received suback = expect(RawPackets5.SUBACK);
        assertEquals(packetId, suback.packetId());
        return suback.codes();
    }

    /** Fails if any packet arrives within {@code millis}. */
    void assertSilentFor(long millis) throws IOException {
        Received received = nextWithin(millis);
        if (received != null) {
            throw new AssertionError("expected nothing for " + millis + " ms but got " + received);
        }
    }

    /**
     * The broker must send DISCONNECT with {@code reasonCode} next, then close the connection
     * without sending anything more. @return the DISCONNECT
     */
    Received expectDisconnect(int reasonCode) throws IOException {
        Received disconnect = next();
        assertEquals(RawPackets5.DISCONNECT, disconnect.type(), "expected DISCONNECT but got " + disconnect);
        assertEquals(reasonCode, disconnect.reasonCode(), "DISCONNECT reason code of " + disconnect);
        byte[] rest = socket.awaitClosedByBroker();
        assertEquals(0, rest.length, "bytes after DISCONNECT: " + RawPackets5.parseAll(rest));
        return disconnect;
    }

    /** The broker must close the connection; returns what it sent first. */
    List<Received> awaitClosed() throws IOException {
        return RawPackets5.parseAll(socket.awaitClosedByBroker());
    }

    /** Sends a normal DISCONNECT (0x00) and waits for the broker to close the connection. */
    void disconnect() throws IOException {
        send(RawPackets5.disconnect(0));
        List<Received> rest = awaitClosed();
        assertTrue(rest.isEmpty(), "after DISCONNECT: " + rest);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
