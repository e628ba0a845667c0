package io.culex.bootstrap.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built MQTT 5 packets (level 5), byte by byte, with property lists written exactly as given
 * (so a property can be put where it is not allowed, or twice), and a parser of what the broker
 * sends back: reason codes and properties of CONNACK, PUBACK/PUBREC/PUBREL/PUBCOMP, SUBACK,
 * UNSUBACK and DISCONNECT, and the fields of PUBLISH.
 */
final class RawPackets5 {

    // Property identifiers (MQTT 5.0, table 2.2.2.2).
    static final int PAYLOAD_FORMAT_INDICATOR = 0x01;
    static final int MESSAGE_EXPIRY_INTERVAL = 0x02;
    static final int CONTENT_TYPE = 0x03;
    static final int SUBSCRIPTION_IDENTIFIER = 0x0B;
    static final int SESSION_EXPIRY_INTERVAL = 0x11;
    static final int ASSIGNED_CLIENT_IDENTIFIER = 0x12;
    static final int SERVER_KEEP_ALIVE = 0x13;
    static final int AUTHENTICATION_METHOD = 0x15;
    static final int REQUEST_PROBLEM_INFORMATION = 0x17;
    static final int WILL_DELAY_INTERVAL = 0x18;
    static final int SERVER_REFERENCE = 0x1C;
    static final int REASON_STRING = 0x1F;
    static final int RECEIVE_MAXIMUM = 0x21;
    static final int TOPIC_ALIAS_MAXIMUM = 0x22;
    static final int TOPIC_ALIAS = 0x23;
    static final int MAXIMUM_QOS = 0x24;
    static final int RETAIN_AVAILABLE = 0x25;
    static final int USER_PROPERTY = 0x26;
    static final int MAXIMUM_PACKET_SIZE = 0x27;

    // Packet types (first byte >>> 4).
    static final int CONNACK = 2;
    static final int PUBLISH = 3;
    static final int PUBACK = 4;
    static final int PUBREC = 5;
    static final int PUBREL = 6;
    static final int PUBCOMP = 7;
    static final int SUBACK = 9;
    static final int UNSUBACK = 11;
    static final int PINGRESP = 13;
    static final int DISCONNECT = 14;

    private static final int CLEAN_START = 0x02;
    private static final int WILL = 0x04;
    private static final int WILL_RETAIN = 0x20;

    private RawPackets5() {
    }

    // ---- properties to send ----

    /** A property list written in the order the calls are made; nothing is checked. */
    static final class Props {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        static Props none() {
            return new Props();
        }

        Props byteProp(int id, int value) {
            out.write(id);
            out.write(value);
            return this;
        }

        Props twoByte(int id, int value) {
            out.write(id);
            out.write(value >>> 8);
            out.write(value);
            return this;
        }

        Props fourByte(int id, long value) {
            out.write(id);
            out.write((int) (value >>> 24));
            out.write((int) (value >>> 16));
            out.write((int) (value >>> 8));
            out.write((int) value);
            return this;
        }

        Props varInt(int id, int value) {
            out.write(id);
            out.writeBytes(RawPackets.remainingLength(value));
            return this;
        }

        Props string(int id, String value) {
            out.write(id);
            writeString(value);
            return this;
        }

        Props userProperty(String name, String value) {
            out.write(USER_PROPERTY);
            writeString(name);
            writeString(value);
            return this;
        }

        private void writeString(String value) {
            byte[] encoded = RawPackets.utf8(value);
            out.write(encoded.length >>> 8);
            out.write(encoded.length);
            out.writeBytes(encoded);
        }

        /** Length (Variable Byte Integer) then the properties. */
        byte[] encoded() {
            byte[] body = out.toByteArray();
            return concat(RawPackets.remainingLength(body.length), body);
        }
    }

    // ---- packets to send ----

    static byte[] connect(String clientId, boolean cleanStart, int keepAliveSeconds, Props properties) {
        Body body = new Body().string("MQTT").u8(5).u8(cleanStart ? CLEAN_START : 0).u16(keepAliveSeconds)
                .raw(properties.encoded()).string(clientId);
        return RawPackets.packet(0x10, body.toArray());
    }

    /** A CONNECT with a will of {@code willQos}, retained if asked, with its own will properties. */
    static byte[] connectWithWill(String clientId, boolean cleanStart, int keepAliveSeconds, Props properties,
                                  Props willProperties, String willTopic, String willMessage, int willQos,
                                  boolean willRetain) {
        int flags = (cleanStart ? CLEAN_START : 0) | WILL | willQos << 3 | (willRetain ? WILL_RETAIN : 0);
        Body body = new Body().string("MQTT").u8(5).u8(flags).u16(keepAliveSeconds).raw(properties.encoded())
                .string(clientId).raw(willProperties.encoded()).string(willTopic).binary(RawPackets.utf8(willMessage));
        return RawPackets.packet(0x10, body.toArray());
    }

    static byte[] publish(String topic, String payload, int qos, boolean retain, int packetId, Props properties) {
        return publish(topic, RawPackets.utf8(payload), qos, retain, packetId, properties);
    }

    /** Topic "" with a Topic Alias property stands for the topic the alias was set to. */
    static byte[] publish(String topic, byte[] payload, int qos, boolean retain, int packetId, Props properties) {
        Body body = new Body().string(topic);
        if (qos > 0) {
            body.u16(packetId);
        }
        body.raw(properties.encoded()).raw(payload);
        return RawPackets.packet(0x30 | qos << 1 | (retain ? 1 : 0), body.toArray());
    }

    /** The options byte of one SUBSCRIBE entry (MQTT 5.0, 3.8.3.1). */
    static int options(int qos, boolean noLocal, boolean retainAsPublished, int retainHandling) {
        return qos | (noLocal ? 0x04 : 0) | (retainAsPublished ? 0x08 : 0) | retainHandling << 4;
    }

    static byte[] subscribe(int packetId, String filter, int options) {
        return subscribe(packetId, Props.none(), List.of(filter), List.of(options));
    }

    static byte[] subscribe(int packetId, Props properties, List<String> filters, List<Integer> options) {
        Body body = new Body().u16(packetId).raw(properties.encoded());
        for (int i = 0; i < filters.size(); i++) {
            body.string(filters.get(i)).u8(options.get(i));
        }
        return RawPackets.packet(0x82, body.toArray());
    }

    static byte[] unsubscribe(int packetId, String... filters) {
        Body body = new Body().u16(packetId).raw(Props.none().encoded());
        for (String filter : filters) {
            body.string(filter);
        }
        return RawPackets.packet(0xA2, body.toArray());
    }

    /** PUBACK, PUBREC, PUBREL or PUBCOMP with reason 0 and no properties: the short form (3.4.2.1). */
    static byte[] puback(int packetId) {
        return RawPackets.packet(0x40, new Body().u16(packetId).toArray());
    }

    static byte[] pubrel(int packetId) {
        return RawPackets.packet(0x62, new Body().u16(packetId).toArray());
    }

    static byte[] disconnect(int reasonCode, Props properties) {
        return RawPackets.packet(0xE0, new Body().u8(reasonCode).raw(properties.encoded()).toArray());
    }

    static byte[] disconnect(int reasonCode) {
        return disconnect(reasonCode, Props.none());
    }

    // ---- what the broker sends ----

    /** Parsed properties: identifier → values in arrival order (several only for user properties and ids). */
    static final class Properties {
        private final Map<Integer, List<Object>> values = new LinkedHashMap<>();

        boolean has(int id) {
            return values.containsKey(id);
        }

        Object get(int id) {
            List<Object> list = values.get(id);
            return list == null ? null : list.get(0);
        }

        List<Object> all(int id) {
            return values.getOrDefault(id, List.of());
        }

        /** An integer property as a long, or null if absent. */
        Long number(int id) {
            Object value = get(id);
            return value == null ? null : ((Number) value).longValue();
        }

        String string(int id) {
            return (String) get(id);
        }

        Map<Integer, List<Object>> asMap() {
            return values;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("{");
            values.forEach((id, list) -> text.append(text.length() > 1 ? ", " : "")
                    .append(String.format("0x%02X=", id)).append(list));
            return text.append('}').toString();
        }
    }

    /** A packet from the broker with the fields its type has (the others are 0, empty or null). */
    record Received(int type, int flags, int packetId, int reasonCode, Properties properties, List<Integer> codes,
                    String topic, byte[] payload) {

        int qos() {
            return flags >>> 1 & 0x03;
        }

        boolean retain() {
            return (flags & 0x01) != 0;
        }

        boolean dup() {
            return (flags & 0x08) != 0;
        }

        boolean sessionPresent() {
            return (flags & 0x100) != 0;
        }

        String payloadText() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        String reasonString() {
            return properties.string(REASON_STRING);
        }

        @Override
        public String toString() {
            return "type " + type + " flags 0x" + Integer.toHexString(flags) + " id " + packetId + " reason 0x"
                    + Integer.toHexString(reasonCode) + " codes " + codes + " topic " + topic + " properties "
                    + properties + (payload == null ? "" : " payload '" + payloadText() + "'");
        }
    }

    /**
     * Parses an MQTT 5 packet as the broker sends it. CONNACK's session present flag is returned
     * in bit 8 of {@code flags}; reason codes absent from a short acknowledgement read as 0.
     */
    static Received parse(RawMqttClient.Packet packet) {
        Reader in = new Reader(packet.body());
        int type = packet.type();
        int flags = packet.firstByte() & 0x0F;
        switch (type) {
            case CONNACK: {
                int ackFlags = in.u8();
                int code = in.u8();
                return new Received(type, flags | (ackFlags & 1) << 8, 0, code, in.properties(), List.of(), null,
                        null);
            }
            case PUBLISH: {
                String topic = in.string();
                int qos = flags >>> 1 & 0x03;
                int packetId = qos > 0 ? in.u16() : 0;
                Properties properties = in.properties();
                return new Received(type, flags, packetId, 0, properties, List.of(), topic, in.rest());
            }
            case PUBACK:
            case PUBREC:
            case PUBREL:
            case PUBCOMP: {
                int packetId = in.u16();
                int code = in.atEnd() ? 0 : in.u8();
                Properties properties = in.atEnd() ? new Properties() : in.properties();
                return new Received(type, flags, packetId, code, properties, List.of(), null, null);
            }
            case SUBACK:
            case UNSUBACK: {
                int packetId = in.u16();
                Properties properties = in.properties();
                List<Integer> codes = new ArrayList<>();
                while (!in.atEnd()) {
                    codes.add(in.u8());
                }
                return new Received(type, flags, packetId, 0, properties, codes, null, null);
            }
            case DISCONNECT: {
                int code = in.atEnd() ? 0 : in.u8();
                Properties properties = in.atEnd() ? new Properties() : in.properties();
                return new Received(type, flags, 0, code, properties, List.of(), null, null);
            }
            default:
                return new Received(type, flags, 0, 0, new Properties(), List.of(), null, in.rest());
        }
    }

    /** Parses every packet in {@code bytes} (what arrived before a close). */
    static List<Received> parseAll(byte[] bytes) {
        List<Received> packets = new ArrayList<>();
        int position = 0;
        while (position < bytes.length) {
            int first = bytes[position++] & 0xFF;
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                int digit = bytes[position++] & 0xFF;
                length |= (digit & 0x7F) << shift;
                if ((digit & 0x80) == 0) {
                    break;
                }
            }
            byte[] body = java.util.Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            packets.add(parse(new RawMqttClient.Packet(first, body)));
        }
        return packets;
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** Big-endian field writer. */
    private static final class Body {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Body u8(int value) {
            out.write(value);
            return this;
        }

        Body u16(int value) {
            out.write(value >>> 8);
            out.write(value);
            return this;
        }

        Body string(String value) {
            return binary(RawPackets.utf8(value));
        }

        Body binary(byte[] value) {
            return u16(value.length).raw(value);
        }

        Body raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }

    /** Big-endian field reader over a packet body. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean atEnd() {
            return position >= bytes.length;
        }

        int u8() {
            return bytes[position++] & 0xFF;
        }

        int u16() {
            return u8() << 8 | u8();
        }

        long u32() {
            return (long) u16() << 16 | u16();
        }

        int varInt() {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                int digit = u8();
                value |= (digit & 0x7F) << shift;
                if ((digit & 0x80) == 0) {
                    return value;
                }
            }
        }

        String string() {
            return new String(binary(), StandardCharsets.UTF_8);
        }

        byte[] binary() {
            int length = u16();
            byte[] value = java.util.Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return value;
        }

        byte[] rest() {
            byte[] value = java.util.Arrays.copyOfRange(bytes, position, bytes.length);
            position = bytes.length;
            return value;
        }

        Properties properties() {
            Properties properties = new Properties();
            int end = varInt() + position;
            while (position < end) {
                int id = varInt();
                Object value;
                switch (id) {
                    case PAYLOAD_FORMAT_INDICATOR:
                    case REQUEST_PROBLEM_INFORMATION:
                    case 0x19: // Request Response Information
                    case MAXIMUM_QOS:
                    case RETAIN_AVAILABLE:
                    case 0x28: // Wildcard Subscription Available
                    case 0x29: // Subscription Identifier Available
                    case 0x2A: // Shared Subscription Available
                        value = u8();
                        break;
                    case SERVER_KEEP_ALIVE:
                    case RECEIVE_MAXIMUM:
                    case TOPIC_ALIAS_MAXIMUM:
                    case TOPIC_ALIAS:
                        value = u16();
                        break;
                    case MESSAGE_EXPIRY_INTERVAL:
                    case SESSION_EXPIRY_INTERVAL:
                    case WILL_DELAY_INTERVAL:
                    case MAXIMUM_PACKET_SIZE:
                        value = u32();
                        break;
                    case SUBSCRIPTION_IDENTIFIER:
                        value = varInt();
                        break;
                    case 0x09: // Correlation Data
                    case 0x16: // Authentication Data
                        value = binary();
                        break;
                    case USER_PROPERTY:
                        value = List.of(string(), string());
                        break;
                    default: // the remaining ones are UTF-8 strings
                        value = string();
                        break;
                }
                properties.values.computeIfAbsent(id, k -> new ArrayList<>()).add(value);
            }
            return properties;
        }
    }
}
