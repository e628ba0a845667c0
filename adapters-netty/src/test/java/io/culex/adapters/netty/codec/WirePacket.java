package io.culex.adapters.netty.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds raw packet bytes field by field, independently of the codec under test, working out the
 * remaining length itself so malformed-input tests only spell out the part that is wrong.
 */
final class WirePacket {

    private final int firstByte;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private WirePacket(int firstByte) {
        this.firstByte = firstByte;
    }

    static WirePacket packet(int firstByte) {
        return new WirePacket(firstByte);
    }

    WirePacket u8(int... values) {
        for (int value : values) {
            body.write(value);
        }
        return this;
    }

    WirePacket u16(int value) {
        return u8(value >> 8 & 0xFF, value & 0xFF);
    }

    /** A length-prefixed string, UTF-8 encoded by the JDK. */
    WirePacket string(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return u16(bytes.length).raw(bytes);
    }

    /** A length-prefixed string whose bytes are given in hex, for invalid UTF-8. */
    WirePacket stringBytes(String hex) {
        byte[] bytes = Hex.bytes(hex);
        return u16(bytes.length).raw(bytes);
    }

    WirePacket raw(String hex) {
        return raw(Hex.bytes(hex));
    }

    WirePacket raw(byte[] bytes) {
        body.writeBytes(bytes);
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int length = body.size();
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }
}
