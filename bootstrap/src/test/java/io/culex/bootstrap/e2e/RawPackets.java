package io.culex.bootstrap.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-built MQTT 3.1 / 3.1.1 packets, byte by byte, so tests can send exactly what a
 * (possibly broken) client would, including things no client library lets you send.
 */
final class RawPackets {

    static final int CONNACK_ACCEPTED = 0x00;
    static final int CONNACK_UNACCEPTABLE_PROTOCOL = 0x01;
    static final int CONNACK_IDENTIFIER_REJECTED = 0x02;
    static final int CONNACK_NOT_AUTHORIZED = 0x05;

    private static final int CLEAN_SESSION = 0x02;
    private static final int WILL = 0x04;

    private RawPackets() {
    }

    /** A 3.1.1 ("MQTT", level 4) CONNECT without will or credentials. */
    static byte[] connect(String clientId, boolean cleanSession, int keepAliveSeconds) {
        return connect("MQTT", 4, clientId, cleanSession, keepAliveSeconds);
    }

    static byte[] connect(String protocolName, int level, String clientId, boolean cleanSession, int keepAliveSeconds) {
        Bytes body = new Bytes().string(protocolName).u8(level).u8(cleanSession ? CLEAN_SESSION : 0)
                .u16(keepAliveSeconds).string(clientId);
        return packet(0x10, body.toArray());
    }

    /** An MQTT 5 CONNECT without properties. */
    static byte[] connect5(String clientId, boolean cleanSession, int keepAliveSeconds) {
        Bytes body = new Bytes().string("MQTT").u8(5).u8(cleanSession ? CLEAN_SESSION : 0)
                .u16(keepAliveSeconds).u8(0).string(clientId);
        return packet(0x10, body.toArray());
    }

    /** A clean-session 3.1.1 CONNECT registering a will (not retained). */
    static byte[] connectWithWill(String clientId, int keepAliveSeconds, String willTopic, String willMessage, int willQos) {
        Bytes body = new Bytes().string("MQTT").u8(4).u8(CLEAN_SESSION | WILL | willQos << 3)
                .u16(keepAliveSeconds).string(clientId).string(willTopic).string(willMessage);
        return packet(0x10, body.toArray());
    }

    static byte[] publish(String topic, byte[] payload, int qos, int packetId) {
        return publish(utf8(topic), payload, qos, packetId, false);
    }

    /**
     * A PUBLISH whose topic is given as raw bytes (to send invalid UTF-8); the QoS goes into the
     * flag bits unchecked, so 3 gives the reserved value, and the packet id is written for QoS > 0.
     */
    static byte[] publish(byte[] topic, byte[] payload, int qos, int packetId, boolean dup) {
        Bytes body = new Bytes().u16(topic.length).raw(topic);
        if (qos > 0) {
            body.u16(packetId);
        }
        body.raw(payload);
        return packet(0x30 | (dup ? 0x08 : 0) | qos << 1, body.toArray());
    }

    static byte[] subscribe(int packetId, String filter, int qos) {
        return packet(0x82, new Bytes().u16(packetId).string(filter).u8(qos).toArray());
    }

    /** A SUBSCRIBE carrying only its packet id, which 3.1.1 forbids [MQTT-3.8.3-3]. */
    static byte[] subscribeWithoutFilters(int packetId) {
        return packet(0x82, new Bytes().u16(packetId).toArray());
    }

    static byte[] pubrel(int packetId) {
        return packet(0x62, new Bytes().u16(packetId).toArray());
    }

    static byte[] pingreq() {
        return new byte[] {(byte) 0xC0, 0x00};
    }

    static byte[] disconnect() {
        return new byte[] {(byte) 0xE0, 0x00};
    }

    /** First byte, remaining length, body. */
    static byte[] packet(int firstByte, byte[] body) {
        return new Bytes().u8(firstByte).raw(remainingLength(body.length)).raw(body).toArray();
    }

    /** The fixed header's variable-length encoding: 7 bits per byte, high bit = more bytes follow. */
    static byte[] remainingLength(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int digit = value & 0x7F;
            value >>>= 7;
            out.write(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** Big-endian field writer. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int value) {
            out.write(value);
            return this;
        }

        Bytes u16(int value) {
            out.write(value >>> 8);
            out.write(value);
            return this;
        }

        Bytes string(String value) {
            byte[] encoded = utf8(value);
            return u16(encoded.length).raw(encoded);
        }

        Bytes raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }
}
