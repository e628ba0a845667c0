package io.culex.adapters.file.sqlite;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import io.culex.domain.message.UserProperty;
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SQLite store's BLOB format for {@link StoredDelivery} (queue, flights) and {@link StoredMessage}
 * (retained): compact, versioned, engine independent.
 *
 * <pre>
 * delivery = version:u8 flags:u8 (qos bits 0-1, retainFlag bit 2) count:varint subscriptionId:varint* message-body
 * message  = version:u8 message-body
 * message-body = flags:u8 (qos bits 0-1, retain 2, expiry 3, origin 4, properties 5)
 *                topic:string payload:bytes [expiresAt:i64 big-endian] [origin:string] [properties]
 * properties = flags:u8 (format indicator 0, content type 1, response topic 2, correlation data 3, user properties 4)
 *              [indicator:zigzag-varint] [contentType:string] [responseTopic:string] [correlation:bytes]
 *              [count:varint (name:string value:string)*]
 * string = bytes of its UTF-8; bytes = length:varint octets; varint = unsigned LEB128 (ints as unsigned 32 bits)
 * </pre>
 *
 * An encoder instance reuses one buffer and is not thread-safe; decoding is static.
 */
final class BlobCodec {

    /** The format written; a blob of another version is refused. */
    static final int VERSION = 1;

    private static final int QOS_MASK = 0b11;
    private static final int RETAIN = 1 << 2;
    private static final int EXPIRES = 1 << 3;
    private static final int ORIGIN = 1 << 4;
    private static final int PROPERTIES = 1 << 5;

    private static final int P_FORMAT = 1;
    private static final int P_CONTENT_TYPE = 1 << 1;
    private static final int P_RESPONSE_TOPIC = 1 << 2;
    private static final int P_CORRELATION = 1 << 3;
    private static final int P_USER = 1 << 4;

    private byte[] buffer = new byte[512];
    private int length;

    byte[] encode(StoredDelivery delivery) {
        length = 0;
        writeByte(VERSION);
        writeByte(delivery.qos().value() | (delivery.retainFlag() ? RETAIN : 0));
        writeVarint(delivery.subscriptionIds().size());
        for (int id : delivery.subscriptionIds()) {
            writeVarint(id);
        }
        writeMessageBody(delivery.message());
        return Arrays.copyOf(buffer, length);
    }

    byte[] encode(StoredMessage message) {
        length = 0;
        writeByte(VERSION);
        writeMessageBody(message);
        return Arrays.copyOf(buffer, length);
    }

    private void writeMessageBody(StoredMessage message) {
        MessageProperties properties = message.properties();
        boolean hasProperties = !properties.equals(MessageProperties.NONE);
        boolean expires = message.expiresAtEpochMillis() != StoredMessage.NEVER;
        writeByte(message.qos().value() | (message.retain() ? RETAIN : 0) | (expires ? EXPIRES : 0)
                | (message.origin() != null ? ORIGIN : 0) | (hasProperties ? PROPERTIES : 0));
        writeString(message.topic());
        writeBytes(message.payload());
        if (expires) {
            writeLong(message.expiresAtEpochMillis());
        }
        if (message.origin() != null) {
            writeString(message.origin());
        }
        if (hasProperties) {
            writeProperties(properties);
        }
    }

    private void writeProperties(MessageProperties properties) {
        List<UserProperty> user = properties.userProperties();
        writeByte((properties.payloadFormatIndicator() != null ? P_FORMAT : 0)
                | (properties.contentType() != null ? P_CONTENT_TYPE : 0)
                | (properties.responseTopic() != null ? P_RESPONSE_TOPIC : 0)
                | (properties.correlationData() != null ? P_CORRELATION : 0)
                | (user.isEmpty() ? 0 : P_USER));
        if (properties.payloadFormatIndicator() != null) {
            int indicator = properties.payloadFormatIndicator();
            writeVarint((indicator << 1) ^ (indicator >> 31));
        }
        if (properties.contentType() != null) {
            writeString(properties.contentType());
        }
        if (properties.responseTopic() != null) {
            writeString(properties.responseTopic());
        }
        if (properties.correlationData() != null) {
            writeBytes(properties.correlationData());
        }
        if (!user.isEmpty()) {
            writeVarint(user.size());
            for (UserProperty property : user) {
                writeString(property.name());
                writeString(property.value());
            }
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            long wanted = Math.max((long) buffer.length * 2, (long) length + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a stored message cannot exceed 2 GiB");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }

    private void writeByte(int value) {
        ensure(1);
        buffer[length++] = (byte) value;
    }

    private void writeVarint(int value) {
        ensure(5);
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            buffer[length++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        buffer[length++] = (byte) rest;
    }

    private void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
    }

    private void writeBytes(byte[] bytes) {
        writeVarint(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void writeString(String text) {
        writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- decoding ----

    static StoredDelivery decodeDelivery(byte[] blob) {
        Reader in = new Reader(blob);
        int flags = in.byteValue();
        int count = in.varint();
        List<Integer> ids = new ArrayList<>(Math.min(count, 16));
        for (int i = 0; i < count; i++) {
            ids.add(in.varint());
        }
        StoredMessage message = in.messageBody();
        in.end();
        return new StoredDelivery(message, qos(flags), (flags & RETAIN) != 0, ids);
    }

    static StoredMessage decodeMessage(byte[] blob) {
        Reader in = new Reader(blob);
        StoredMessage message = in.messageBody();
        in.end();
        return message;
    }

    private static QoS qos(int flags) {
        int value = flags & QOS_MASK;
        if (value > 2) {
            throw new IllegalArgumentException("corrupt record: QoS " + value);
        }
        return QoS.of(value);
    }

    /** Reads one blob; any inconsistency is an {@link IllegalArgumentException} naming it. */
    private static final class Reader {
        private final byte[] blob;
        private int position;

        Reader(byte[] blob) {
            this.blob = blob;
            int version = byteValue();
            if (version != VERSION) {
                throw new IllegalArgumentException("record format version " + version + " unknown (this version reads "
                        + VERSION + ")");
            }
        }

        StoredMessage messageBody() {
            int flags = byteValue();
            String topic = string();
            byte[] payload = bytes();
            long expiresAt = (flags & EXPIRES) != 0 ? longValue() : StoredMessage.NEVER;
            String origin = (flags & ORIGIN) != 0 ? string() : null;
            MessageProperties properties = (flags & PROPERTIES) != 0 ? properties() : MessageProperties.NONE;
            return new StoredMessage(topic, payload, qos(flags), (flags & RETAIN) != 0, properties, expiresAt, origin);
        }

        private MessageProperties properties() {
            int flags = byteValue();
            Integer indicator = null;
            if ((flags & P_FORMAT) != 0) {
                int zigzag = varint();
                indicator = (zigzag >>> 1) ^ -(zigzag & 1);
            }
            String contentType = (flags & P_CONTENT_TYPE) != 0 ? string() : null;
            String responseTopic = (flags & P_RESPONSE_TOPIC) != 0 ? string() : null;
            byte[] correlation = (flags & P_CORRELATION) != 0 ? bytes() : null;
            List<UserProperty> user = List.of();
            if ((flags & P_USER) != 0) {
                int count = varint();
                List<UserProperty> read = new ArrayList<>(Math.min(count, 64));
                for (int i = 0; i < count; i++) {
                    read.add(new UserProperty(string(), string()));
                }
                user = read;
            }
            return new MessageProperties(indicator, contentType, responseTopic, correlation, user);
        }

        int byteValue() {
            need(1);
            return blob[position++] & 0xFF;
        }

        int varint() {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = byteValue();
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("corrupt record: varint longer than 5 bytes at " + position);
        }

        long longValue() {
            need(8);
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (blob[position++] & 0xFF);
            }
            return value;
        }

        byte[] bytes() {
            int size = varint();
            if (size < 0) {
                throw new IllegalArgumentException("corrupt record: length " + Integer.toUnsignedString(size));
            }
            need(size);
            byte[] bytes = Arrays.copyOfRange(blob, position, position + size);
            position += size;
            return bytes;
        }

        String string() {
            int size = varint();
            if (size < 0) {
                throw new IllegalArgumentException("corrupt record: length " + Integer.toUnsignedString(size));
            }
            need(size);
            String text = new String(blob, position, size, StandardCharsets.UTF_8);
            position += size;
            return text;
        }

        void end() {
            if (position != blob.length) {
                throw new IllegalArgumentException("corrupt record: " + (blob.length - position) + " bytes after its end");
            }
        }

        private void need(int bytes) {
            if (bytes > blob.length - position) {
                throw new IllegalArgumentException("corrupt record: truncated at byte " + position + " of " + blob.length);
            }
        }
    }
}
