package io.culex.adapters.rocksdb;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.message.UserProperty;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.topic.Subscription;
import io.culex.domain.topic.Subscription.RetainHandling;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binary values of the store. Each starts with {@link #VERSION}; then unsigned LEB128 varints for
 * lengths and counts, zigzag varints for other numbers, flag bytes for booleans, QoS and what is present.
 * What the key already holds (client id, filter, topic, sequence) is not repeated.
 *
 * <pre>
 * session       version, expiry interval s, disconnected at ms
 * subscription  version, flags (max QoS 0-1, No Local 2, Retain As Published 3, Retain Handling 4-5), identifier
 * queue         version, delivery
 * flight        version, packet id (2 bytes), delivery
 * retained      version, message without topic
 * delivery      flags (QoS 0-1, RETAIN 2), subscription id count, ids, message with topic
 * message       flags (QoS 0-1, retain 2, origin 3, expiry 4, properties 5), [topic], payload, [expiry], [origin],
 *               [properties: flags (format indicator 0, content type 1, response topic 2, correlation data 3),
 *                the present ones, user property count, name/value pairs]
 * </pre>
 */
final class Values {

    /** The value format. A reader refuses a value of another version rather than misread it. */
    static final byte VERSION = 1;

    private Values() {
    }

    // ---- sessions ----

    record SessionValue(long expiryIntervalSeconds, long disconnectedAtEpochMillis) {
    }

    static byte[] session(long expiryIntervalSeconds, long disconnectedAtEpochMillis) {
        Writer out = new Writer(20);
        out.signed(expiryIntervalSeconds);
        out.signed(disconnectedAtEpochMillis);
        return out.toBytes();
    }

    static SessionValue session(byte[] value) {
        Reader in = new Reader(value);
        SessionValue session = new SessionValue(in.signed(), in.signed());
        in.end();
        return session;
    }

    // ---- subscriptions ----

    static byte[] subscription(Subscription subscription) {
        Writer out = new Writer(8);
        out.flags(subscription.maxQos().value()
                | (subscription.noLocal() ? 1 << 2 : 0)
                | (subscription.retainAsPublished() ? 1 << 3 : 0)
                | subscription.retainHandling().ordinal() << 4);
        out.unsigned(subscription.identifier());
        return out.toBytes();
    }

    static Subscription subscription(String filter, byte[] value) {
        Reader in = new Reader(value);
        int flags = in.flags();
        Subscription subscription = new Subscription(filter, QoS.of(flags & 3), (flags & 1 << 2) != 0,
                (flags & 1 << 3) != 0, RetainHandling.of((flags >> 4) & 3), in.unsignedInt());
        in.end();
        return subscription;
    }

    // ---- queue and flights ----

    static byte[] queued(StoredDelivery delivery) {
        Writer out = new Writer(64 + delivery.message().payload().length);
        writeDelivery(out, delivery);
        return out.toBytes();
    }

    static StoredDelivery queued(byte[] value) {
        Reader in = new Reader(value);
        StoredDelivery delivery = readDelivery(in);
        in.end();
        return delivery;
    }

    static byte[] flight(int packetId, StoredDelivery delivery) {
        Writer out = new Writer(66 + delivery.message().payload().length);
        out.u16(packetId);
        writeDelivery(out, delivery);
        return out.toBytes();
    }

    static int flightPacketId(byte[] value) {
        return new Reader(value).u16();
    }

    static StoredDelivery flightDelivery(byte[] value) {
        Reader in = new Reader(value);
        in.u16();
        StoredDelivery delivery = readDelivery(in);
        in.end();
        return delivery;
    }

    // ---- retained ----

    static byte[] retained(StoredMessage message) {
        Writer out = new Writer(48 + message.payload().length);
        writeMessage(out, message, false);
        return out.toBytes();
    }

    static StoredMessage retained(String topic, byte[] value) {
        Reader in = new Reader(value);
        StoredMessage message = readMessage(in, topic);
        in.end();
        return message;
    }

    // ---- the format's own version (meta column family) ----

    static byte[] format(int format) {
        Writer out = new Writer(4);
        out.unsigned(format);
        return out.toBytes();
    }

    static int format(byte[] value) {
        Reader in = new Reader(value);
        int format = in.unsignedInt();
        in.end();
        return format;
    }

    // ---- deliveries and messages ----

    private static void writeDelivery(Writer out, StoredDelivery delivery) {
        out.flags(delivery.qos().value() | (delivery.retainFlag() ? 1 << 2 : 0));
        out.unsigned(delivery.subscriptionIds().size());
        for (int id : delivery.subscriptionIds()) {
            out.unsigned(id);
        }
        writeMessage(out, delivery.message(), true);
    }

    private static StoredDelivery readDelivery(Reader in) {
        int flags = in.flags();
        int count = in.count();
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.unsignedInt());
        }
        StoredMessage message = readMessage(in, null);
        return new StoredDelivery(message, QoS.of(flags & 3), (flags & 1 << 2) != 0, ids);
    }

    private static void writeMessage(Writer out, StoredMessage message, boolean withTopic) {
        boolean hasExpiry = message.expiresAtEpochMillis() != StoredMessage.NEVER;
        boolean hasProperties = !message.properties().equals(MessageProperties.NONE);
        out.flags(message.qos().value()
                | (message.retain() ? 1 << 2 : 0)
                | (message.origin() != null ? 1 << 3 : 0)
                | (hasExpiry ? 1 << 4 : 0)
                | (hasProperties ? 1 << 5 : 0));
        if (withTopic) {
            out.text(message.topic());
        }
        out.bytes(message.payload());
        if (hasExpiry) {
            out.signed(message.expiresAtEpochMillis());
        }
        if (message.origin() != null) {
            out.text(message.origin());
        }
        if (hasProperties) {
            writeProperties(out, message.properties());
        }
    }

    /** @param topic the topic from the key, or null when the value carries it */
    private static StoredMessage readMessage(Reader in, String topic) {
        int flags = in.flags();
        String messageTopic = topic != null ? topic : in.text();
        byte[] payload = in.bytes();
        long expiresAt = (flags & 1 << 4) != 0 ? in.signed() : StoredMessage.NEVER;
        String origin = (flags & 1 << 3) != 0 ? in.text() : null;
        MessageProperties properties = (flags & 1 << 5) != 0 ? readProperties(in) : MessageProperties.NONE;
        return new StoredMessage(messageTopic, payload, QoS.of(flags & 3), (flags & 1 << 2) != 0, properties,
                expiresAt, origin);
    }

    private static void writeProperties(Writer out, MessageProperties properties) {
        out.flags((properties.payloadFormatIndicator() != null ? 1 : 0)
                | (properties.contentType() != null ? 1 << 1 : 0)
                | (properties.responseTopic() != null ? 1 << 2 : 0)
                | (properties.correlationData() != null ? 1 << 3 : 0));
        if (properties.payloadFormatIndicator() != null) {
            out.signed(properties.payloadFormatIndicator());
        }
        if (properties.contentType() != null) {
            out.text(properties.contentType());
        }
        if (properties.responseTopic() != null) {
            out.text(properties.responseTopic());
        }
        if (properties.correlationData() != null) {
            out.bytes(properties.correlationData());
        }
        out.unsigned(properties.userProperties().size());
        for (UserProperty property : properties.userProperties()) {
            out.text(property.name());
            out.text(property.value());
        }
    }

    private static MessageProperties readProperties(Reader in) {
        int flags = in.flags();
        Integer formatIndicator = (flags & 1) != 0 ? Math.toIntExact(in.signed()) : null;
        String contentType = (flags & 1 << 1) != 0 ? in.text() : null;
        String responseTopic = (flags & 1 << 2) != 0 ? in.text() : null;
        byte[] correlationData = (flags & 1 << 3) != 0 ? in.bytes() : null;
        int count = in.count();
        List<UserProperty> userProperties = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            userProperties.add(new UserProperty(in.text(), in.text()));
        }
        return new MessageProperties(formatIndicator, contentType, responseTopic, correlationData, userProperties);
    }

    // ---- primitives ----

    /** Appends to a growing array; starts every value with the version byte. */
    private static final class Writer {
        private byte[] buffer;
        private int size;

        Writer(int expectedSize) {
            buffer = new byte[Math.max(16, expectedSize)];
            buffer[size++] = VERSION;
        }

        void flags(int flags) {
            ensure(1);
            buffer[size++] = (byte) flags;
        }

        void u16(int value) {
            ensure(2);
            buffer[size++] = (byte) (value >>> 8);
            buffer[size++] = (byte) value;
        }

        void unsigned(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                buffer[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            buffer[size++] = (byte) value;
        }

        void signed(long value) {
            unsigned((value << 1) ^ (value >> 63));
        }

        void bytes(byte[] bytes) {
            unsigned(bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        void text(String text) {
            bytes(text.getBytes(StandardCharsets.UTF_8));
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        byte[] toBytes() {
            return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        }
    }

    /** Reads what {@link Writer} wrote; any inconsistency is an {@link IllegalArgumentException}. */
    private static final class Reader {
        private final byte[] value;
        private int at;

        Reader(byte[] value) {
            this.value = value;
            if (value.length == 0 || value[0] != VERSION) {
                throw new IllegalArgumentException("unknown value format "
                        + (value.length == 0 ? "(empty)" : Integer.toString(value[0] & 0xFF)));
            }
            at = 1;
        }

        int flags() {
            need(1);
            return value[at++] & 0xFF;
        }

        int u16() {
            need(2);
            int result = ((value[at] & 0xFF) << 8) | (value[at + 1] & 0xFF);
            at += 2;
            return result;
        }

        long unsigned() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                need(1);
                byte b = value[at++];
                result |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("varint longer than 10 bytes at " + at);
        }

        int unsignedInt() {
            long result = unsigned();
            if (result > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("number out of range: " + result);
            }
            return (int) result;
        }

        /** A length or count: no larger than what is left, so a corrupt value cannot allocate gigabytes. */
        int count() {
            int count = unsignedInt();
            need(count);
            return count;
        }

        long signed() {
            long raw = unsigned();
            return (raw >>> 1) ^ -(raw & 1);
        }

        byte[] bytes() {
            int length = count();
            byte[] bytes = Arrays.copyOfRange(value, at, at + length);
            at += length;
            return bytes;
        }

        String text() {
            int length = count();
            String text = new String(value, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        void end() {
            if (at != value.length) {
                throw new IllegalArgumentException((value.length - at) + " unexpected bytes at the end of a value");
            }
        }

        private void need(int bytes) {
            if (bytes > value.length - at) {
                throw new IllegalArgumentException("value ends early: " + value.length + " bytes");
            }
        }
    }
}
