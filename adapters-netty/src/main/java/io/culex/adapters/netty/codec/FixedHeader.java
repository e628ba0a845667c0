package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;

/**
 * The fixed header of a packet: type, flag nibble, remaining length, and how many bytes the header
 * itself took.
 */
record FixedHeader(PacketType type, int flags, int remainingLength, int headerLength) {

    /**
     * Parses the fixed header at the reader index without consuming it.
     *
     * <p>Each rule is checked as soon as the bytes it needs are there, so an oversized packet is
     * refused before its body is buffered and a bad first byte before the length arrives. AUTH is
     * a packet type only at {@code protocolLevel} 5.
     *
     * @return the header, or {@code null} if more bytes are needed to finish it
     * @throws MalformedPacketException if the bytes present already break a rule
     */
    static FixedHeader peek(ByteBuf in, int maxRemainingLength, int protocolLevel) {
        if (!in.isReadable()) {
            return null;
        }
        int start = in.readerIndex();
        int firstByte = in.getUnsignedByte(start);
        PacketType type = PacketType.ofCode(firstByte >>> 4, protocolLevel);
        int flags = firstByte & 0x0F;
        validateFirstByte(firstByte, type, flags);

        int remainingLength = 0;
        for (int i = 0; i < RemainingLength.MAX_BYTES; i++) {
            int index = start + 1 + i;
            if (index >= in.writerIndex()) {
                return null;
            }
            int encoded = in.getUnsignedByte(index);
            remainingLength |= RemainingLength.digit(encoded) << (7 * i);
            if (!RemainingLength.hasContinuation(encoded)) {
                if (remainingLength > maxRemainingLength) {
                    throw new MalformedPacketException(MalformedPacketException.PACKET_TOO_LARGE, "packet too large: " + remainingLength
                            + " bytes exceeds limit " + maxRemainingLength);
                }
                return new FixedHeader(type, flags, remainingLength, 2 + i);
            }
        }
        throw new MalformedPacketException(type + ": remaining length is encoded in more than "
                + RemainingLength.MAX_BYTES + " bytes");
    }

    private static void validateFirstByte(int firstByte, PacketType type, int flags) {
        if (type == null) {
            throw new MalformedPacketException("reserved packet type " + (firstByte >>> 4));
        }
        if (type.flagsCarryFields()) {
            PublishFlags.validate(flags);
        } else if (!type.hasRequiredFlags(flags)) {
            throw new MalformedPacketException(type + ": reserved fixed-header flags 0b"
                    + Integer.toBinaryString(flags) + " are not as the spec requires");
        }
    }

    int packetLength() {
        return headerLength + remainingLength;
    }
}
