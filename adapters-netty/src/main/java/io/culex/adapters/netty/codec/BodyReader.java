package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;

/**
 * Reads the fields of one packet body, which must end exactly at the remaining length: reading
 * past it or leaving bytes unread is malformed. Error messages name the packet type and field.
 */
final class BodyReader {

    private final PacketType type;
    private final ByteBuf in;
    private final int end;
    private final StrictUtf8 utf8;

    /** Reads {@code length} bytes of {@code in} from its reader index, advancing it. */
    BodyReader(PacketType type, ByteBuf in, int length, StrictUtf8 utf8) {
        this.type = type;
        this.in = in;
        this.end = in.readerIndex() + length;
        this.utf8 = utf8;
    }

    boolean hasMore() {
        return in.readerIndex() < end;
    }

    /** Bytes left before the end of the body. */
    int remaining() {
        return end - in.readerIndex();
    }

    /** Where the next field starts, to measure how far a nested length (the properties') reaches. */
    int position() {
        return in.readerIndex();
    }

    int readUnsignedByte(String field) {
        require(1, field);
        return in.readUnsignedByte();
    }

    int readUnsignedShort(String field) {
        require(2, field);
        return in.readUnsignedShort();
    }

    long readUnsignedInt(String field) {
        require(4, field);
        return in.readUnsignedInt();
    }

    /** An MQTT 5 Variable Byte Integer: 7 bits per byte, at most 4 bytes (spec 1.5.5). */
    int readVariableByteInteger(String field) {
        int value = 0;
        for (int i = 0; i < RemainingLength.MAX_BYTES; i++) {
            int encoded = readUnsignedByte(field);
            value |= RemainingLength.digit(encoded) << (7 * i);
            if (!RemainingLength.hasContinuation(encoded)) {
                return value;
            }
        }
        throw malformed(field + " is encoded in more than " + RemainingLength.MAX_BYTES + " bytes");
    }

    /** A packet identifier, which is never 0 where the spec requires one [MQTT-2.3.1-1]. */
    int readPacketId() {
        int packetId = readUnsignedShort("packet identifier");
        if (packetId == 0) {
            throw malformed("packet identifier must not be 0");
        }
        return packetId;
    }

    /** A 2-byte-length-prefixed UTF-8 string, decoded strictly. */
    String readString(String field) {
        int length = readUnsignedShort(field + " length");
        require(length, field);
        String value = utf8.decodeOrNull(in, in.readerIndex(), length);
        if (value == null) {
            throw malformed(field + " is not valid UTF-8 or contains U+0000");
        }
        in.skipBytes(length);
        return value;
    }

    /** A topic name as used by PUBLISH and the will: not empty, no wildcards [MQTT-3.3.2-2]. */
    String readTopicName(String field) {
        String topic = readPossiblyEmptyTopicName(field);
        if (topic.isEmpty()) {
            throw malformed(field + " must not be empty");
        }
        return topic;
    }

    /**
     * A topic name that may be empty: an MQTT 5 PUBLISH may send "" with a Topic Alias instead
     * (its parser checks the alias is there). Wildcards are still malformed.
     */
    String readPossiblyEmptyTopicName(String field) {
        String topic = readString(field);
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            throw malformed(field + " must not contain wildcards");
        }
        return topic;
    }

    /**
     * A topic filter. Only emptiness is malformed here; a misplaced wildcard is the broker's to
     * refuse with SUBACK 0x80 so that one bad filter does not cost the whole connection.
     */
    String readTopicFilter(String field) {
        String filter = readString(field);
        if (filter.isEmpty()) {
            throw malformed(field + " must not be empty");
        }
        return filter;
    }

    /** 2-byte-length-prefixed binary data, copied out. */
    byte[] readBinary(String field) {
        int length = readUnsignedShort(field + " length");
        return readBytes(length, field);
    }

    /** Everything up to the end of the body, copied out (the PUBLISH payload). */
    byte[] readRest() {
        return readBytes(end - in.readerIndex(), "payload");
    }

    /** Skips everything up to the end of the body. */
    void skipRest() {
        in.readerIndex(end);
    }

    /** Checks the fields used up the remaining length exactly. */
    void requireFullyConsumed() {
        int unread = end - in.readerIndex();
        if (unread != 0) {
            throw malformed(unread + " byte(s) left after the last field");
        }
    }

    /** The bytes cannot be parsed as the spec lays the packet out: reason code 0x81. */
    MalformedPacketException malformed(String reason) {
        return new MalformedPacketException(type + ": " + reason);
    }

    /** The fields parse but hold a value the spec forbids there: reason code 0x82. */
    MalformedPacketException protocolError(String reason) {
        return new MalformedPacketException(MalformedPacketException.PROTOCOL_ERROR, type + ": " + reason);
    }

    private byte[] readBytes(int length, String field) {
        require(length, field);
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    private void require(int length, String field) {
        if (end - in.readerIndex() < length) {
            throw malformed("remaining length ends inside " + field);
        }
    }
}
