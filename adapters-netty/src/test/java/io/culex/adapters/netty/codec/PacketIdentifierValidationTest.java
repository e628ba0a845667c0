package io.culex.adapters.netty.codec;

import static io.culex.adapters.netty.codec.WirePacket.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PacketIdentifierValidationTest {

    static Stream<Arguments> packetsWithIdZero() {
        return Stream.of(
                Arguments.of("PUBLISH QoS 1", packet(0x32).string("t").u16(0).build()),
                Arguments.of("PUBLISH QoS 2", packet(0x34).string("t").u16(0).raw("AA").build()),
                Arguments.of("PUBACK", Hex.bytes("40 02 00 00")),
                Arguments.of("PUBREC", Hex.bytes("50 02 00 00")),
                Arguments.of("PUBREL", Hex.bytes("62 02 00 00")),
                Arguments.of("PUBCOMP", Hex.bytes("70 02 00 00")),
                Arguments.of("SUBSCRIBE", packet(0x82).u16(0).string("a").u8(0).build()),
                Arguments.of("SUBACK", Hex.bytes("90 03 00 00 00")),
                Arguments.of("UNSUBSCRIBE", packet(0xA2).u16(0).string("a").build()),
                Arguments.of("UNSUBACK", Hex.bytes("B0 02 00 00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packetsWithIdZero")
    void packetIdentifierZeroIsMalformed(String description, byte[] bytes) {
        MalformedPacketException failure = Codec.decodeFailure(bytes);

        assertEquals(description.split(" ")[0] + ": packet identifier must not be 0", failure.getMessage());
    }
}
