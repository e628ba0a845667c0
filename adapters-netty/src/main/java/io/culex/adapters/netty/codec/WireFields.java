package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.EncoderException;
import java.util.List;

/**
 * Sizing and writing of the field encodings packets share. Sizing also validates, so that a packet
 * is refused before its buffer is allocated and nothing can leak.
 */
final class WireFields {

    static final int PACKET_ID_BYTES = 2;
    private static final int LENGTH_PREFIX_BYTES = 2;

    private WireFields() {}

    /**
     * The UTF-8 byte count of a string field. Unpaired surrogates count (and are written) as '?',
     * so the output is always well-formed UTF-8.
     */
    static int utf8Length(String value, String field) {
        int length = ByteBufUtil.utf8Bytes(value);
        requireShortLength(length, field);
        return length;
    }

    /** Bytes a string field takes on the wire, given its {@link #utf8Length}. */
    static int stringSize(int utf8Length) {
        return LENGTH_PREFIX_BYTES + utf8Length;
    }

    static int binarySize(byte[] value, String field) {
        requireShortLength(value.length, field);
        return LENGTH_PREFIX_BYTES + value.length;
    }

    static int requirePacketId(int packetId, PacketType type) {
        if (packetId == 0) {
            throw new EncoderException(type + ": packet identifier must not be 0");
        }
        return packetId;
    }

    static <T> List<T> requireNonEmpty(List<T> items, PacketType type) {
        if (items.isEmpty()) {
            throw new EncoderException(type + ": at least one entry is required");
        }
        return items;
    }

    /** The whole packet's size: first byte, remaining length field, body. */
    static int packetSize(int remainingLength) {
        if (remainingLength > RemainingLength.MAX_VALUE) {
            throw new EncoderException("packet too large: remaining length " + remainingLength
                    + " exceeds " + RemainingLength.MAX_VALUE);
        }
        return 1 + RemainingLength.size(remainingLength) + remainingLength;
    }

    /** Allocates a buffer of exactly the packet's size and writes the fixed header into it. */
    static ByteBuf allocate(ByteBufAllocator alloc, int firstByte, int remainingLength) {
        int size = packetSize(remainingLength);
        // maxCapacity == size: a sizing bug fails loudly instead of silently growing the buffer.
        ByteBuf out = alloc.buffer(size, size);
        out.writeByte(firstByte);
        RemainingLength.write(out, remainingLength);
        return out;
    }

    static void writeString(ByteBuf out, String value, int utf8Length) {
        out.writeShort(utf8Length);
        ByteBufUtil.reserveAndWriteUtf8(out, value, utf8Length);
    }

    static void writeBinary(ByteBuf out, byte[] value) {
        out.writeShort(value.length);
        out.writeBytes(value);
    }

    private static void requireShortLength(int length, String field) {
        if (length > FieldRanges.MAX_UNSIGNED_SHORT) {
            throw new EncoderException(field + " is " + length + " bytes, more than the 65535 a field can hold");
        }
    }
}
