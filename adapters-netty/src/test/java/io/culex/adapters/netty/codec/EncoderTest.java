package io.culex.adapters.netty.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Byte-exact output, worked out by hand from the 3.1.1 spec, and the packets the encoder refuses. */
class EncoderTest {

    static Stream<Arguments> byteVectors() {
        return Stream.of(
                Arguments.of(new ConnackPacket(true, 0), "20 02 01 00"),
                Arguments.of(new ConnackPacket(false, 5), "20 02 00 05"),
                Arguments.of(new PubackPacket(1), "40 02 00 01"),
                Arguments.of(new PubrecPacket(258), "50 02 01 02"),
                Arguments.of(new PubrelPacket(65535), "62 02 FF FF"),
                Arguments.of(new PubcompPacket(4660), "70 02 12 34"),
                Arguments.of(new UnsubackPacket(12), "B0 02 00 0C"),
                Arguments.of(PingreqPacket.INSTANCE, "C0 00"),
                Arguments.of(PingrespPacket.INSTANCE, "D0 00"),
                Arguments.of(DisconnectPacket.INSTANCE, "E0 00"),
                Arguments.of(new PublishPacket("t", new byte[0], 0, false, false, 0), "30 03 00 01 74"),
                Arguments.of(new PublishPacket("a/b", SamplePackets.utf8("hi"), 1, true, true, 10),
                        "3B 09 00 03 61 2F 62 00 0A 68 69"),
                Arguments.of(new PublishPacket("\u20AC", new byte[0], 2, false, false, 1), "34 07 00 03 E2 82 AC 00 01"),
                Arguments.of(new SubackPacket(11, List.of(2, 1, 0x80)), "90 05 00 0B 02 01 80"),
                Arguments.of(new SubscribePacket(10, List.of(new TopicSubscription("a/+", 1))),
                        "82 08 00 0A 00 03 61 2F 2B 01"),
                Arguments.of(new UnsubscribePacket(13, List.of("a")), "A2 05 00 0D 00 01 61"),
                Arguments.of(new ConnectPacket("MQTT", 4, "c", false, 60, "u", SamplePackets.utf8("p"),
                                new WillPacketPart("w", SamplePackets.utf8("m"), 1, true)),
                        "10 19 00 04 4D 51 54 54 04 EC 00 3C 00 01 63 00 01 77 00 01 6D 00 01 75 00 01 70"),
                Arguments.of(new ConnectPacket("MQIsdp", 3, "c", true, 0, null, null, null),
                        "10 0F 00 06 4D 51 49 73 64 70 03 02 00 00 00 01 63"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("byteVectors")
    void encodesTheExactBytes(MqttPacket packet, String expectedHex) {
        assertEquals(expectedHex, Hex.of(Codec.encode(packet)));
    }

    @Test
    void unpairedSurrogateIsWrittenAsQuestionMarkSoTheOutputStaysValidUtf8() {
        byte[] wire = Codec.encode(new PublishPacket("a\uD800", new byte[0], 0, false, false, 0));

        assertEquals("30 04 00 02 61 3F", Hex.of(wire));
        assertEquals("a?", ((PublishPacket) Codec.decodeSingle(wire)).topic());
    }

    static Stream<Arguments> unsendablePackets() {
        return Stream.of(
                Arguments.of("PUBACK id 0", new PubackPacket(0)),
                Arguments.of("PUBREC id 0", new PubrecPacket(0)),
                Arguments.of("PUBREL id 0", new PubrelPacket(0)),
                Arguments.of("PUBCOMP id 0", new PubcompPacket(0)),
                Arguments.of("UNSUBACK id 0", new UnsubackPacket(0)),
                Arguments.of("SUBACK id 0", new SubackPacket(0, List.of(0))),
                Arguments.of("PUBLISH QoS 1 id 0", new PublishPacket("t", new byte[0], 1, false, false, 0)),
                Arguments.of("PUBLISH QoS 0 with DUP", new PublishPacket("t", new byte[0], 0, false, true, 0)),
                Arguments.of("PUBLISH topic over 65535 bytes", new PublishPacket("t".repeat(65_536), new byte[0], 0, false, false, 0)),
                Arguments.of("PUBLISH topic over 65535 UTF-8 bytes", new PublishPacket("\u20AC".repeat(21_846), new byte[0], 0, false, false, 0)),
                Arguments.of("SUBSCRIBE without filters", new SubscribePacket(1, List.of())),
                Arguments.of("UNSUBSCRIBE without filters", new UnsubscribePacket(1, List.of())),
                Arguments.of("SUBACK without return codes", new SubackPacket(1, List.of())),
                Arguments.of("SUBACK reserved return code", new SubackPacket(1, List.of(3))),
                Arguments.of("CONNECT password without user name",
                        new ConnectPacket("MQTT", 4, "c", true, 0, null, SamplePackets.utf8("pw"), null)),
                Arguments.of("CONNECT will message over 65535 bytes", new ConnectPacket("MQTT", 4, "c", true, 0, null, null,
                        new WillPacketPart("w", new byte[65_536], 0, false))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsendablePackets")
    void packetsThatCannotBeSentFailTheWrite(String description, MqttPacket packet) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);

        assertThrows(EncoderException.class, () -> channel.writeOutbound(packet));
        assertFalse(channel.finish(), "no bytes may be written for a refused packet");
    }

    @Test
    void longestFieldThatFitsIsAccepted() {
        PublishPacket packet = new PublishPacket("t".repeat(65_535), new byte[0], 0, false, false, 0);

        assertEquals(packet, Codec.decodeSingle(Codec.encode(packet)));
    }

    @Test
    void encoderIsSharable() {
        assertEquals(true, MqttEncoder.INSTANCE.isSharable());
    }
}
