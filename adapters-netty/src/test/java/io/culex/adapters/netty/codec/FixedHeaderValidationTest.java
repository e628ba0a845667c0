package io.culex.adapters.netty.codec;

import static io.culex.adapters.netty.codec.WirePacket.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FixedHeaderValidationTest {

    private static final int LIMIT = 1000;

    @Test
    void packetType0IsMalformed() {
        assertEquals(MalformedPacketException.MALFORMED_PACKET, Codec.decodeFailure(Hex.bytes("00 00")).reasonCode());
    }

    @Test
    void packetType15IsMalformed() {
        Codec.decodeFailure(Hex.bytes("F0 00"));
    }

    /** Each packet is valid but for its flag nibble. */
    static Stream<Arguments> wrongReservedFlags() {
        return Stream.of(
                Arguments.of("CONNECT 0001", packet(0x11).string("MQTT").u8(4, 0x02).u16(60).string("c").build()),
                Arguments.of("CONNACK 1000", Hex.bytes("28 02 00 00")),
                Arguments.of("PUBACK 0010", Hex.bytes("42 02 00 01")),
                Arguments.of("PUBREC 1000", Hex.bytes("58 02 00 01")),
                Arguments.of("PUBREL 0000", Hex.bytes("60 02 00 01")),
                Arguments.of("PUBREL 0011", Hex.bytes("63 02 00 01")),
                Arguments.of("PUBCOMP 0010", Hex.bytes("72 02 00 01")),
                Arguments.of("SUBSCRIBE 0000", Hex.bytes("80 06 00 01 00 01 61 00")),
                Arguments.of("SUBSCRIBE 0011", Hex.bytes("83 06 00 01 00 01 61 00")),
                Arguments.of("SUBACK 0010", Hex.bytes("92 03 00 01 00")),
                Arguments.of("UNSUBSCRIBE 0000", Hex.bytes("A0 05 00 01 00 01 61")),
                Arguments.of("UNSUBACK 0010", Hex.bytes("B2 02 00 01")),
                Arguments.of("PINGREQ 0010", Hex.bytes("C2 00")),
                Arguments.of("PINGRESP 0001", Hex.bytes("D1 00")),
                Arguments.of("DISCONNECT 1000", Hex.bytes("E8 00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongReservedFlags")
    void reservedFlagBitsOtherThanTheSpecifiedValueAreMalformed(String description, byte[] bytes) {
        Codec.decodeFailure(bytes);
    }

    @Test
    void wrongFlagsAreRefusedFromTheFirstByteAlone() {
        Codec.decodeFailure(Hex.bytes("80"));
    }

    @Test
    void publishWithQos3IsMalformed() {
        MalformedPacketException failure = Codec.decodeFailure(packet(0x36).string("t").u16(1).build());

        assertEquals("PUBLISH: QoS 3 is reserved", failure.getMessage());
    }

    @Test
    void publishWithQos0AndDupIsMalformed() {
        Codec.decodeFailure(packet(0x38).string("t").build());
    }

    @Test
    void remainingLengthOfFiveBytesIsMalformed() {
        Codec.decodeFailure(Hex.bytes("30 80 80 80 80 01"));
    }

    @Test
    void remainingLengthIsRefusedOnceTheFourthByteStillContinues() {
        MalformedPacketException failure = Codec.decodeFailure(Hex.bytes("30 FF FF FF FF"));

        assertEquals("PUBLISH: remaining length is encoded in more than 4 bytes", failure.getMessage());
    }

    @Test
    void remainingLengthAboveTheLimitIsRefusedFromTheHeaderAlone() {
        // 0xE9 0x07 = 105 + 7 * 128 = 1001; no body byte is sent.
        MalformedPacketException failure = Codec.decodeFailure(new MqttDecoder(LIMIT), Hex.bytes("30 E9 07"));

        assertEquals("packet too large: 1001 bytes exceeds limit 1000", failure.getMessage());
        assertEquals(MalformedPacketException.PACKET_TOO_LARGE, failure.reasonCode());
    }

    @Test
    void fourByteRemainingLengthAboveTheLimitIsRefusedFromTheHeaderAlone() {
        Codec.decodeFailure(new MqttDecoder(LIMIT), Hex.bytes("30 FF FF FF 7F"));
    }

    @Test
    void remainingLengthAtTheLimitWaitsForTheBodyAndDecodes() {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(LIMIT));
        byte[] header = Hex.bytes("30 E8 07 00 01 74"); // remaining length 1000, topic "t"

        channel.writeInbound(Unpooled.wrappedBuffer(header));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[1000 - 3]));

        assertEquals(new PublishPacket("t", new byte[997], 0, false, false, 0), (MqttPacket) channel.readInbound());
    }

    @Test
    void decoderRefusesALimitTheProtocolCannotExpress() {
        assertThrows(IllegalArgumentException.class, () -> new MqttDecoder(-1));
        assertThrows(IllegalArgumentException.class, () -> new MqttDecoder(RemainingLength.MAX_VALUE + 1));
    }
}
