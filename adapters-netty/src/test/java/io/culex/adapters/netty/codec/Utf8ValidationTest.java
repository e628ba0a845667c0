package io.culex.adapters.netty.codec;

import static io.culex.adapters.netty.codec.WirePacket.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** MQTT strings must be well-formed UTF-8 without U+0000 (3.1.1 section 1.5.3). */
class Utf8ValidationTest {

    private static byte[] publishWithTopicBytes(String hex) {
        return packet(0x30).stringBytes(hex).build();
    }

    @Test
    void overlongTwoByteEncodingIsMalformed() {
        MalformedPacketException failure = Codec.decodeFailure(publishWithTopicBytes("61 C0 AF"));

        assertEquals("PUBLISH: topic name is not valid UTF-8 or contains U+0000", failure.getMessage());
    }

    @Test
    void overlongThreeByteEncodingIsMalformed() {
        Codec.decodeFailure(publishWithTopicBytes("E0 80 AF"));
    }

    @Test
    void overlongFourByteEncodingIsMalformed() {
        Codec.decodeFailure(publishWithTopicBytes("F0 80 80 AF"));
    }

    @Test
    void encodedHighSurrogateIsMalformed() {
        Codec.decodeFailure(publishWithTopicBytes("ED A0 80"));
    }

    @Test
    void encodedLowSurrogateIsMalformed() {
        Codec.decodeFailure(publishWithTopicBytes("ED BF BF"));
    }

    @Test
    void surrogatePairEncodedAsTwoThreeByteSequencesIsMalformed() {
        Codec.decodeFailure(publishWithTopicBytes("ED A0 BD ED B8 80"));
    }

    @Test
    void nullCharacterIsMalformed() {
        Codec.decodeFailure(publishWithTopicBytes("61 00 62"));
    }

    @Test
    void overlongNullCharacterIsMalformed() {
        Codec.decodeFailure(publishWithTopicBytes("61 C0 80"));
    }

    @Test
    void codePointAboveU10FFFFIsMalformed() {
        Codec.decodeFailure(publishWithTopicBytes("F4 90 80 80"));
    }

    @Test
    void truncatedSequenceIsMalformed() {
        Codec.decodeFailure(publishWithTopicBytes("61 E2 82"));
    }

    @Test
    void loneContinuationByteIsMalformed() {
        Codec.decodeFailure(publishWithTopicBytes("61 80"));
    }

    @Test
    void byteFFIsMalformed() {
        Codec.decodeFailure(publishWithTopicBytes("FF"));
    }

    @ParameterizedTest
    @CsvSource({
        "61 2F C3 BC, a/\u00FC",
        "E2 82 AC, \u20AC",
        "F0 9D 84 9E, \uD834\uDD1E",
        "F4 8F BF BF, \uDBFF\uDFFF",
        "EF BF BF, \uFFFF"
    })
    void wellFormedMultiByteSequencesAreAccepted(String hex, String expected) {
        PublishPacket decoded = (PublishPacket) Codec.decodeSingle(publishWithTopicBytes(hex));

        assertEquals(expected, decoded.topic());
    }

    @Test
    void leadingByteOrderMarkIsKeptNotStripped() {
        PublishPacket decoded = (PublishPacket) Codec.decodeSingle(publishWithTopicBytes("EF BB BF 61"));

        assertEquals("\uFEFFa", decoded.topic());
    }

    /** Every string field goes through the same strict decoding, not just the PUBLISH topic. */
    static Stream<Arguments> invalidUtf8InOtherFields() {
        return Stream.of(
                Arguments.of("CONNECT: protocol name",
                        packet(0x10).stringBytes("4D 51 54 C0 AF").u8(4, 0x02).u16(0).string("c").build()),
                Arguments.of("CONNECT: client identifier",
                        packet(0x10).string("MQTT").u8(4, 0x02).u16(0).stringBytes("ED A0 80").build()),
                Arguments.of("CONNECT: will topic",
                        packet(0x10).string("MQTT").u8(4, 0x06).u16(0).string("c").stringBytes("00").u16(0).build()),
                Arguments.of("CONNECT: user name",
                        packet(0x10).string("MQTT").u8(4, 0x82).u16(0).string("c").stringBytes("C0 AF").build()),
                Arguments.of("SUBSCRIBE: topic filter",
                        packet(0x82).u16(1).stringBytes("ED B0 80").u8(0).build()),
                Arguments.of("UNSUBSCRIBE: topic filter",
                        packet(0xA2).u16(1).string("ok").stringBytes("61 00").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8InOtherFields")
    void invalidUtf8IsMalformedInEveryStringField(String field, byte[] bytes) {
        MalformedPacketException failure = Codec.decodeFailure(bytes);

        assertEquals(field + " is not valid UTF-8 or contains U+0000", failure.getMessage());
    }

    @Test
    void passwordIsBinaryDataSoAnyBytesAreAccepted() {
        byte[] bytes = packet(0x10).string("MQTT").u8(4, 0xC2).u16(0).string("c").string("u").stringBytes("00 C0 AF FF").build();

        ConnectPacket decoded = (ConnectPacket) Codec.decodeSingle(bytes);

        assertEquals(List.of(0x00, 0xC0, 0xAF, 0xFF), unsigned(decoded.password()));
    }

    private static List<Integer> unsigned(byte[] bytes) {
        Integer[] values = new Integer[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return List.of(values);
    }
}
