package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;

/**
 * The variable-length "remaining length" of the fixed header: 7 bits per byte, at most 4 bytes. MQTT 5
 * calls the same encoding a Variable Byte Integer and also uses it for property lengths and values.
 */
final class RemainingLength {

    static final int MAX_BYTES = 4;
    /** 0xFF 0xFF 0xFF 0x7F, the largest value 4 bytes can hold. */
    static final int MAX_VALUE = 268_435_455;

    private static final int CONTINUATION_BIT = 0x80;
    private static final int VALUE_BITS = 0x7F;

    private RemainingLength() {}

    /** The number of bytes {@code value} takes on the wire. */
    static int size(int value) {
        if (value < 128) {
            return 1;
        }
        if (value < 16_384) {
            return 2;
        }
        if (value < 2_097_152) {
            return 3;
        }
        return 4;
    }

    static void write(ByteBuf out, int value) {
        do {
            int digit = value & VALUE_BITS;
            value >>>= 7;
            out.writeByte(value > 0 ? digit | CONTINUATION_BIT : digit);
        } while (value > 0);
    }

    static boolean hasContinuation(int encodedByte) {
        return (encodedByte & CONTINUATION_BIT) != 0;
    }

    static int digit(int encodedByte) {
        return encodedByte & VALUE_BITS;
    }
}
