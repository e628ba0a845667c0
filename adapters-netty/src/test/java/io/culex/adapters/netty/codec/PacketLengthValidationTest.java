package io.culex.adapters.netty.codec;

import static io.culex.adapters.netty.codec.WirePacket.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fields of a packet must use up its remaining length exactly. */
class PacketLengthValidationTest {

    static Stream<Arguments> trailingBytes() {
        return Stream.of(
                Arguments.of("CONNACK", Hex.bytes("20 03 00 00 00")),
                Arguments.of("PUBACK", Hex.bytes("40 03 00 01 00")),
                Arguments.of("PUBREC", Hex.bytes("50 03 00 01 00")),
                Arguments.of("PUBREL", Hex.bytes("62 03 00 01 00")),
                Arguments.of("PUBCOMP", Hex.bytes("70 03 00 01 00")),
                Arguments.of("UNSUBACK", Hex.bytes("B0 03 00 01 00")),
                Arguments.of("PINGREQ", Hex.bytes("C0 01 00")),
                Arguments.of("PINGRESP", Hex.bytes("D0 01 00")),
                Arguments.of("DISCONNECT", Hex.bytes("E0 01 00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trailingBytes")
    void bytesBeyondTheLastFieldAreMalformed(String type, byte[] bytes) {
        MalformedPacketException failure = Codec.decodeFailure(bytes);

        // The message proves the length check caught it, not the next "packet" made of the spare byte.
        assertEquals(type + ": 1 byte(s) left after the last field", failure.getMessage());
    }

    static Stream<Arguments> missingBytes() {
        return Stream.of(
                Arguments.of("CONNACK", Hex.bytes("20 01 00")),
                Arguments.of("PUBACK", Hex.bytes("40 01 00")),
                Arguments.of("PUBACK empty", Hex.bytes("40 00")),
                Arguments.of("PUBREL", Hex.bytes("62 01 00")),
                Arguments.of("PUBLISH QoS 1 without packet id", packet(0x32).string("t").build()),
                Arguments.of("PUBLISH QoS 1 with half a packet id", packet(0x32).string("t").u8(1).build()),
                Arguments.of("PUBLISH topic longer than the packet", Hex.bytes("30 03 00 05 61")),
                Arguments.of("PUBLISH without topic length", Hex.bytes("30 01 00")),
                Arguments.of("SUBSCRIBE without packet id", Hex.bytes("82 00")),
                Arguments.of("SUBSCRIBE filter without QoS", packet(0x82).u16(1).string("a").u8(0).string("b").build()),
                Arguments.of("UNSUBSCRIBE half a filter length", packet(0xA2).u16(1).string("a").u8(0).build()),
                Arguments.of("CONNECT empty", Hex.bytes("10 00")),
                Arguments.of("CONNECT without keep alive", packet(0x10).string("MQTT").u8(4, 0x02).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingBytes")
    void remainingLengthTooShortForTheFieldsIsMalformed(String description, byte[] bytes) {
        MalformedPacketException failure = Codec.decodeFailure(bytes);

        assertTrue(failure.getMessage().contains(": remaining length ends inside "), failure.getMessage());
    }
}
