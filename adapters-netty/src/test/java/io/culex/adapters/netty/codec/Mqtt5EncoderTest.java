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

/**
 * MQTT 5 byte vectors worked out by hand from the 5.0 spec, each in its shortest form, so that
 * they must both encode to exactly these bytes and decode back to the packet.
 */
class Mqtt5EncoderTest {

    private static MqttProperties reason(String text) {
        return MqttProperties.builder().reasonString(text).build();
    }

    static Stream<Arguments> byteVectors() {
        return Stream.of(
                Arguments.of("CONNECT minimal", SamplePackets.minimalConnect5(),
                        "10 0D 00 04 4D 51 54 54 05 02 00 00 00 00 00"),
                Arguments.of("CONNECT with properties, will properties, password without user name",
                        new ConnectPacket("MQTT", 5, "c", true, 60, null, SamplePackets.utf8("p"),
                                new WillPacketPart("w", SamplePackets.utf8("m"), 1, false,
                                        MqttProperties.builder().willDelayInterval(5L).build()),
                                MqttProperties.builder().sessionExpiryInterval(10L).build()),
                        "10 22 00 04 4D 51 54 54 05 4E 00 3C 05 11 00 00 00 0A 00 01 63 "
                                + "05 18 00 00 00 05 00 01 77 00 01 6D 00 01 70"),
                Arguments.of("CONNACK", new ConnackPacket(true, 0, MqttProperties.EMPTY), "20 03 01 00 00"),
                Arguments.of("CONNACK with properties", new ConnackPacket(false, 0, MqttProperties.builder()
                                .assignedClientIdentifier("a").receiveMaximum(10).topicAliasMaximum(5).build()),
                        "20 0D 00 00 0A 12 00 01 61 21 00 0A 22 00 05"),
                Arguments.of("CONNACK refused", new ConnackPacket(false, 0x87, reason("no")),
                        "20 08 00 87 05 1F 00 02 6E 6F"),
                Arguments.of("PUBLISH QoS 0", new PublishPacket("t", new byte[0], 0, false, false, 0, MqttProperties.EMPTY),
                        "30 04 00 01 74 00"),
                Arguments.of("PUBLISH QoS 1 with properties", new PublishPacket("a/b", SamplePackets.utf8("hi"), 1, false,
                                false, 10, MqttProperties.builder().topicAlias(1).payloadFormatIndicator(1).build()),
                        "32 0F 00 03 61 2F 62 00 0A 05 01 01 23 00 01 68 69"),
                Arguments.of("PUBLISH empty topic with alias", new PublishPacket("", SamplePackets.utf8("x"), 0, false,
                                false, 0, MqttProperties.builder().topicAlias(3).build()),
                        "30 07 00 00 03 23 00 03 78"),
                Arguments.of("PUBACK success: packet id only", new PubackPacket(1, 0, MqttProperties.EMPTY), "40 02 00 01"),
                Arguments.of("PUBACK code without properties", new PubackPacket(1, 0x10, MqttProperties.EMPTY),
                        "40 03 00 01 10"),
                Arguments.of("PUBACK code and properties", new PubackPacket(1, 0x80, reason("x")),
                        "40 08 00 01 80 04 1F 00 01 78"),
                Arguments.of("PUBACK success with properties", new PubackPacket(1, 0,
                                MqttProperties.builder().userProperty("a", "b").build()),
                        "40 0B 00 01 00 07 26 00 01 61 00 01 62"),
                Arguments.of("PUBREC", new PubrecPacket(3, 0x10, MqttProperties.EMPTY), "50 03 00 03 10"),
                Arguments.of("PUBREL packet identifier not found", new PubrelPacket(5, 0x92, MqttProperties.EMPTY),
                        "62 03 00 05 92"),
                Arguments.of("PUBCOMP", new PubcompPacket(5, 0, MqttProperties.EMPTY), "70 02 00 05"),
                Arguments.of("SUBSCRIBE with every option", new SubscribePacket(10,
                                List.of(new TopicSubscription("a/+", 1, true, true, 2)),
                                MqttProperties.builder().subscriptionIdentifier(5).build()),
                        "82 0B 00 0A 02 0B 05 00 03 61 2F 2B 2D"),
                Arguments.of("SUBACK", new SubackPacket(10, List.of(1, 0x87), MqttProperties.EMPTY), "90 05 00 0A 00 01 87"),
                Arguments.of("UNSUBSCRIBE", new UnsubscribePacket(13, List.of("a"),
                                MqttProperties.builder().userProperty("k", "v").build()),
                        "A2 0D 00 0D 07 26 00 01 6B 00 01 76 00 01 61"),
                Arguments.of("UNSUBACK", new UnsubackPacket(12, List.of(0, 0x11), MqttProperties.EMPTY),
                        "B0 05 00 0C 00 00 11"),
                Arguments.of("DISCONNECT normal: empty", DisconnectPacket.INSTANCE, "E0 00"),
                Arguments.of("DISCONNECT code only", new DisconnectPacket(0x04, MqttProperties.EMPTY), "E0 01 04"),
                Arguments.of("DISCONNECT with properties", new DisconnectPacket(0,
                                MqttProperties.builder().sessionExpiryInterval(0L).build()),
                        "E0 07 00 05 11 00 00 00 00"),
                Arguments.of("AUTH success: empty", new AuthPacket(0, MqttProperties.EMPTY), "F0 00"),
                Arguments.of("AUTH code only", new AuthPacket(0x19, MqttProperties.EMPTY), "F0 01 19"),
                Arguments.of("AUTH continue", new AuthPacket(0x18, MqttProperties.builder()
                                .authenticationMethod("m").authenticationData(new byte[] {1}).build()),
                        "F0 0A 18 08 15 00 01 6D 16 00 01 01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("byteVectors")
    void encodesTheExactBytes(String description, MqttPacket packet, String expectedHex) {
        assertEquals(expectedHex, Hex.of(Codec.encode(packet, MqttCodec.MQTT_5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("byteVectors")
    void decodesTheBytesBackToThePacket(String description, MqttPacket packet, String hex) {
        assertEquals(packet, Codec.decodeSingle(MqttCodec.MQTT_5, Hex.bytes(hex)));
    }

    /** What MQTT 3.x has no room for is left out; the same packets as above where they differ. */
    static Stream<Arguments> mqtt3Projections() {
        return Stream.of(
                Arguments.of("CONNACK drops properties", new ConnackPacket(false, 0, reason("hi")), "20 02 00 00"),
                Arguments.of("PUBLISH drops properties", new PublishPacket("a/b", SamplePackets.utf8("hi"), 1, false,
                                false, 10, MqttProperties.builder().messageExpiryInterval(9L).build()),
                        "32 09 00 03 61 2F 62 00 0A 68 69"),
                Arguments.of("PUBACK drops code and properties", new PubackPacket(1, 0x80, reason("x")), "40 02 00 01"),
                Arguments.of("PUBREL drops code", new PubrelPacket(5, 0x92, MqttProperties.EMPTY), "62 02 00 05"),
                Arguments.of("SUBSCRIBE keeps only the QoS of the options", new SubscribePacket(10,
                                List.of(new TopicSubscription("a/+", 1, true, true, 2)),
                                MqttProperties.builder().subscriptionIdentifier(5).build()),
                        "82 08 00 0A 00 03 61 2F 2B 01"),
                Arguments.of("SUBACK writes MQTT 5 failure codes as 0x80", new SubackPacket(10, List.of(1, 0x87, 0xA2),
                                reason("no")),
                        "90 05 00 0A 01 80 80"),
                Arguments.of("UNSUBSCRIBE drops properties", new UnsubscribePacket(13, List.of("a"),
                                MqttProperties.builder().userProperty("k", "v").build()),
                        "A2 05 00 0D 00 01 61"),
                Arguments.of("UNSUBACK drops codes and properties", new UnsubackPacket(12, List.of(0, 0x11), reason("r")),
                        "B0 02 00 0C"),
                Arguments.of("DISCONNECT drops code and properties", new DisconnectPacket(0x04, reason("bye")), "E0 00"),
                Arguments.of("CONNECT at level 4 drops properties", new ConnectPacket("MQTT", 4, "c", true, 0, null,
                                null, new WillPacketPart("w", new byte[0], 0, false,
                                        MqttProperties.builder().willDelayInterval(1L).build()),
                                MqttProperties.builder().sessionExpiryInterval(1L).build()),
                        "10 12 00 04 4D 51 54 54 04 06 00 00 00 01 63 00 01 77 00 00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mqtt3Projections")
    void mqtt3LeavesOutWhatItCannotCarry(String description, MqttPacket packet, String expectedHex) {
        assertEquals(expectedHex, Hex.of(Codec.encode(packet, MqttCodec.MQTT_3_1_1)));
        assertEquals(expectedHex, Hex.of(Codec.encode(packet, MqttCodec.MQTT_3_1)));
    }

    static Stream<Arguments> unsendablePackets() {
        return Stream.of(
                Arguments.of("PUBACK with a PUBREL reason code", 5, new PubackPacket(1, 0x92, MqttProperties.EMPTY)),
                Arguments.of("PUBREL with a PUBACK reason code", 5, new PubrelPacket(1, 0x10, MqttProperties.EMPTY)),
                Arguments.of("CONNACK with a 3.1.1 return code", 5, new ConnackPacket(false, 5, MqttProperties.EMPTY)),
                Arguments.of("SUBACK with a reserved code", 5, new SubackPacket(1, List.of(3), MqttProperties.EMPTY)),
                Arguments.of("UNSUBACK without reason codes", 5, new UnsubackPacket(1)),
                Arguments.of("UNSUBACK with a SUBACK code", 5, new UnsubackPacket(1, List.of(2), MqttProperties.EMPTY)),
                Arguments.of("DISCONNECT with a CONNACK-only code", 5, new DisconnectPacket(0x84, MqttProperties.EMPTY)),
                Arguments.of("AUTH with a DISCONNECT code", 5, new AuthPacket(0x04, MqttProperties.EMPTY)),
                Arguments.of("AUTH on MQTT 3.1.1", 4, new AuthPacket(0, MqttProperties.EMPTY)),
                Arguments.of("PUBLISH with an empty topic and no alias", 5,
                        new PublishPacket("", new byte[0], 0, false, false, 0, MqttProperties.EMPTY)),
                Arguments.of("PUBLISH with an empty topic on 3.1.1, whose alias cannot be sent", 4,
                        new PublishPacket("", new byte[0], 0, false, false, 0, MqttProperties.builder().topicAlias(1).build())),
                Arguments.of("PUBLISH with a CONNECT property", 5, new PublishPacket("t", new byte[0], 0, false, false, 0,
                        MqttProperties.builder().sessionExpiryInterval(1L).build())),
                Arguments.of("SUBSCRIBE with two subscription identifiers", 5, new SubscribePacket(1,
                        List.of(new TopicSubscription("a", 0)), MqttProperties.builder().subscriptionIdentifiers(List.of(1, 2)).build())),
                Arguments.of("CONNECT with a will property among its own", 5, new ConnectPacket("MQTT", 5, "c", true, 0,
                        null, null, null, MqttProperties.builder().willDelayInterval(1L).build())),
                Arguments.of("will with a CONNECT property", 5, new ConnectPacket("MQTT", 5, "c", true, 0, null, null,
                        new WillPacketPart("w", new byte[0], 0, false, MqttProperties.builder().receiveMaximum(1).build()),
                        MqttProperties.EMPTY)),
                Arguments.of("user property over 65535 bytes", 5, new PubackPacket(1, 0,
                        MqttProperties.builder().userProperty("n", "v".repeat(65_536)).build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsendablePackets")
    void packetsThatCannotBeSentFailTheWrite(String description, int protocolLevel, MqttPacket packet) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        MqttCodec.setProtocolLevel(channel, protocolLevel);

        assertThrows(EncoderException.class, () -> channel.writeOutbound(packet));
        assertFalse(channel.finish(), "no bytes may be written for a refused packet");
    }

    @Test
    void mqtt31PasswordWithoutUserNameIsStillRefused() {
        assertThrows(EncoderException.class, () -> Codec.encode(
                new ConnectPacket("MQIsdp", 3, "c", true, 0, null, SamplePackets.utf8("pw"), null), MqttCodec.MQTT_3_1));
    }
}
