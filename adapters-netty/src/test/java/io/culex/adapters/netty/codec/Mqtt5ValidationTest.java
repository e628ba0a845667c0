package io.culex.adapters.netty.codec;

import static io.culex.adapters.netty.codec.WirePacket.packet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the decoder accepts and refuses on an MQTT 5 connection, and with which reason code. */
class Mqtt5ValidationTest {

    private static final int MALFORMED = MalformedPacketException.MALFORMED_PACKET;
    private static final int PROTOCOL_ERROR = MalformedPacketException.PROTOCOL_ERROR;

    private static WirePacket connect5(int flags) {
        return packet(0x10).string("MQTT").u8(5, flags).u16(60);
    }

    private static MqttPacket decode5(byte[] bytes) {
        return Codec.decodeSingle(MqttCodec.MQTT_5, bytes);
    }

    private static void assertRefused(int reasonCode, byte[] bytes) {
        assertEquals(reasonCode, Codec.decodeFailure(MqttCodec.MQTT_5, bytes).reasonCode());
    }

    // ---- CONNECT ----

    @Test
    void connectPropertiesFollowKeepAliveAndWillPropertiesPrecedeTheWillTopic() {
        byte[] bytes = connect5(0x06).raw("03 21 00 0A").string("id").raw("02 01 01").string("w").string("m").build();

        ConnectPacket connect = (ConnectPacket) Codec.decodeSingle(bytes);

        assertEquals(10, connect.properties().receiveMaximum());
        assertEquals(1, connect.will().properties().payloadFormatIndicator());
        assertEquals("w", connect.will().topic());
    }

    @Test
    void passwordWithoutUserNameIsAllowed() {
        ConnectPacket connect = (ConnectPacket) Codec.decodeSingle(connect5(0x42).u8(0).string("id").string("pw").build());

        assertNull(connect.username());
        assertArrayEquals(SamplePackets.utf8("pw"), connect.password());
    }

    @Test
    void reservedConnectFlagIsMalformed() {
        MalformedPacketException failure = Codec.decodeFailure(connect5(0x03).u8(0).string("id").build());

        assertEquals(MALFORMED, failure.reasonCode());
        assertEquals("CONNECT: reserved connect flag must be 0 [MQTT-3.1.2-3]", failure.getMessage());
    }

    @Test
    void aWillPropertyAmongTheConnectPropertiesIsMalformed() {
        MalformedPacketException failure = Codec.decodeFailure(connect5(0x02).raw("05 18 00 00 00 01").string("id").build());

        assertEquals(MALFORMED, failure.reasonCode());
        assertEquals("CONNECT: property Will Delay Interval (0x18) not allowed on CONNECT", failure.getMessage());
    }

    @Test
    void aConnectPropertyAmongTheWillPropertiesIsMalformed() {
        MalformedPacketException failure = Codec.decodeFailure(
                connect5(0x06).u8(0).string("id").raw("03 21 00 01").string("w").string("m").build());

        assertEquals("CONNECT: property Receive Maximum (0x21) not allowed on the will", failure.getMessage());
    }

    @Test
    void mqtt31NameWithLevel5IsAnUnsupportedPairDecodedAsNameAndLevelOnly() {
        ConnectPacket connect = (ConnectPacket) Codec.decodeSingle(
                packet(0x10).string("MQIsdp").u8(5, 0x02).u16(60).u8(0).string("id").build());

        assertEquals(5, connect.protocolLevel());
        assertEquals("", connect.clientId());
    }

    @Test
    void aConnectWithoutItsPropertyLengthIsMalformed() {
        MalformedPacketException failure = Codec.decodeFailure(connect5(0x02).build());

        assertEquals("CONNECT: remaining length ends inside property length", failure.getMessage());
    }

    // ---- CONNACK ----

    @Test
    void connackCarriesReasonCodeAndProperties() {
        assertEquals(new ConnackPacket(true, 0x00, MqttProperties.builder().maximumQos(1).build()),
                decode5(Hex.bytes("20 05 01 00 02 24 01")));
    }

    @Test
    void aConnackWithoutPropertyLengthIsMalformed() {
        assertRefused(MALFORMED, Hex.bytes("20 02 00 00"));
    }

    @Test
    void a311ReturnCodeIsNotAnMqtt5ConnackReasonCode() {
        assertRefused(PROTOCOL_ERROR, Hex.bytes("20 03 00 05 00"));
    }

    // ---- PUBLISH ----

    @Test
    void emptyTopicWithATopicAliasIsDecodedForTheBrokerToResolve() {
        PublishPacket publish = (PublishPacket) decode5(packet(0x30).string("").raw("03 23 00 07").raw("AA").build());

        assertEquals("", publish.topic());
        assertEquals(7, publish.properties().topicAlias());
    }

    @Test
    void emptyTopicWithoutATopicAliasIsAProtocolError() {
        MalformedPacketException failure = Codec.decodeFailure(MqttCodec.MQTT_5, packet(0x30).string("").u8(0).build());

        assertEquals(PROTOCOL_ERROR, failure.reasonCode());
        assertEquals("PUBLISH: topic name must not be empty without a Topic Alias", failure.getMessage());
    }

    @Test
    void topicWithAWildcardIsStillMalformed() {
        assertRefused(MALFORMED, packet(0x30).string("a/#").u8(0).build());
    }

    @Test
    void propertiesComeAfterThePacketIdAndThePayloadAfterThem() {
        PublishPacket publish = (PublishPacket) decode5(packet(0x32).string("t").u16(5).raw("02 01 00").raw("01 02").build());

        assertEquals(5, publish.packetId());
        assertEquals(0, publish.properties().payloadFormatIndicator());
        assertArrayEquals(new byte[] {1, 2}, publish.payload());
    }

    @Test
    void aPublishWithoutPropertyLengthIsMalformed() {
        assertRefused(MALFORMED, packet(0x30).string("t").build());
    }

    // ---- PUBACK, PUBREC, PUBREL, PUBCOMP ----

    static Stream<Arguments> longerFormsOfTheSameAck() {
        return Stream.of(
                Arguments.of("code 0 and no properties", Hex.bytes("40 03 00 01 00"), new PubackPacket(1)),
                Arguments.of("code 0 and empty properties", Hex.bytes("40 04 00 01 00 00"), new PubackPacket(1)),
                Arguments.of("PUBREC code and empty properties", Hex.bytes("50 04 00 01 10 00"),
                        new PubrecPacket(1, 0x10, MqttProperties.EMPTY)),
                Arguments.of("PUBREL code only", Hex.bytes("62 03 00 01 92"), new PubrelPacket(1, 0x92, MqttProperties.EMPTY)),
                Arguments.of("PUBCOMP code and properties", Hex.bytes("70 08 00 01 00 04 1F 00 01 61"),
                        new PubcompPacket(1, 0, MqttProperties.builder().reasonString("a").build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longerFormsOfTheSameAck")
    void acksMayCarryMoreThanTheShortestForm(String description, byte[] bytes, MqttPacket expected) {
        assertEquals(expected, decode5(bytes));
    }

    static Stream<Arguments> reasonCodesOutsideTheirPacketsTable() {
        return Stream.of(
                Arguments.of("PUBACK 0x01", Hex.bytes("40 03 00 01 01")),
                Arguments.of("PUBACK 0x92 (a PUBREL code)", Hex.bytes("40 03 00 01 92")),
                Arguments.of("PUBREC 0x11", Hex.bytes("50 03 00 01 11")),
                Arguments.of("PUBREL 0x10 (a PUBACK code)", Hex.bytes("62 03 00 01 10")),
                Arguments.of("PUBCOMP 0x80", Hex.bytes("70 03 00 01 80")),
                Arguments.of("SUBACK 0x03", Hex.bytes("90 04 00 01 00 03")),
                Arguments.of("SUBACK 0x11 (an UNSUBACK code)", Hex.bytes("90 04 00 01 00 11")),
                Arguments.of("UNSUBACK 0x01", Hex.bytes("B0 04 00 01 00 01")),
                Arguments.of("DISCONNECT 0x01", Hex.bytes("E0 01 01")),
                Arguments.of("DISCONNECT 0x84 (a CONNACK code)", Hex.bytes("E0 01 84")),
                Arguments.of("AUTH 0x01", Hex.bytes("F0 01 01")),
                Arguments.of("AUTH 0x87", Hex.bytes("F0 02 87 00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reasonCodesOutsideTheirPacketsTable")
    void aReasonCodeOutsideItsPacketsTableIsAProtocolError(String description, byte[] bytes) {
        assertRefused(PROTOCOL_ERROR, bytes);
    }

    @Test
    void reasonCodeMessageNamesCodeAndPacket() {
        assertEquals("PUBACK: reason code 0x01 is not a PUBACK reason code",
                Codec.decodeFailure(MqttCodec.MQTT_5, Hex.bytes("40 03 00 01 01")).getMessage());
    }

    @Test
    void everyDefinedAckReasonCodeIsAccepted() {
        for (int code : new int[] {0x00, 0x10, 0x80, 0x83, 0x87, 0x90, 0x91, 0x97, 0x99}) {
            assertEquals(code, ((PubackPacket) decode5(new byte[] {0x40, 3, 0, 1, (byte) code})).reasonCode());
            assertEquals(code, ((PubrecPacket) decode5(new byte[] {0x50, 3, 0, 1, (byte) code})).reasonCode());
        }
    }

    @Test
    void onMqtt311AnAckWithAReasonCodeIsMalformed() {
        MalformedPacketException failure = Codec.decodeFailure(MqttCodec.MQTT_3_1_1, Hex.bytes("40 03 00 01 10"));

        assertEquals("PUBACK: 1 byte(s) left after the last field", failure.getMessage());
    }

    // ---- SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK ----

    @Test
    void subscriptionOptionsDecodeEachField() {
        SubscribePacket subscribe = (SubscribePacket) decode5(
                packet(0x82).u16(1).u8(0).string("a").u8(0x2E).string("b").u8(0x11).build());

        assertEquals(List.of(new TopicSubscription("a", 2, true, true, 2), new TopicSubscription("b", 1, false, false, 1)),
                subscribe.subscriptions());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x40, 0x80, 0xC0, 0x41})
    void reservedSubscriptionOptionBitsAreMalformed(int options) {
        assertRefused(MALFORMED, packet(0x82).u16(1).u8(0).string("a").u8(options).build());
    }

    @Test
    void maximumQos3IsAProtocolError() {
        assertRefused(PROTOCOL_ERROR, packet(0x82).u16(1).u8(0).string("a").u8(0x03).build());
    }

    @Test
    void retainHandling3IsAProtocolError() {
        assertRefused(PROTOCOL_ERROR, packet(0x82).u16(1).u8(0).string("a").u8(0x30).build());
    }

    @Test
    void subscribeWithoutFiltersIsAProtocolError() {
        assertRefused(PROTOCOL_ERROR, packet(0x82).u16(1).u8(0).build());
    }

    @Test
    void unsubscribeWithoutFiltersIsAProtocolError() {
        assertRefused(PROTOCOL_ERROR, packet(0xA2).u16(1).u8(0).build());
    }

    @Test
    void subackTakesEveryMqtt5Code() {
        List<Integer> codes = List.of(0, 1, 2, 0x80, 0x83, 0x87, 0x8F, 0x91, 0x97, 0x9E, 0xA1, 0xA2);
        WirePacket suback = packet(0x90).u16(1).u8(0);
        codes.forEach(suback::u8);

        assertEquals(new SubackPacket(1, codes, MqttProperties.EMPTY), decode5(suback.build()));
    }

    @Test
    void onMqtt311AnMqtt5SubackCodeIsStillMalformed() {
        assertEquals(MALFORMED, Codec.decodeFailure(MqttCodec.MQTT_3_1_1, Hex.bytes("90 03 00 01 87")).reasonCode());
    }

    @Test
    void unsubackNeedsAtLeastOneReasonCode() {
        assertRefused(MALFORMED, Hex.bytes("B0 03 00 01 00"));
    }

    @Test
    void onMqtt311UnsubackDecodesWithoutReasonCodes() {
        assertEquals(new UnsubackPacket(1, List.of(), MqttProperties.EMPTY),
                Codec.decodeSingle(MqttCodec.MQTT_3_1_1, Hex.bytes("B0 02 00 01")));
    }

    // ---- DISCONNECT, AUTH ----

    @Test
    void bareDisconnectDecodesToTheSharedInstance() {
        assertSame(DisconnectPacket.INSTANCE, decode5(Hex.bytes("E0 00")));
        assertSame(DisconnectPacket.INSTANCE, decode5(Hex.bytes("E0 01 00")));
        assertSame(DisconnectPacket.INSTANCE, decode5(Hex.bytes("E0 02 00 00")));
    }

    @Test
    void disconnectWithWillMessageKeepsItsCode() {
        assertEquals(new DisconnectPacket(0x04, MqttProperties.EMPTY), decode5(Hex.bytes("E0 01 04")));
    }

    @Test
    void disconnectPropertiesAreCheckedForTheirPacket() {
        assertRefused(MALFORMED, Hex.bytes("E0 04 00 02 01 01"));
    }

    @Test
    void authDecodesOnMqtt5() {
        assertEquals(new AuthPacket(0, MqttProperties.EMPTY), decode5(Hex.bytes("F0 00")));
        assertEquals(new AuthPacket(0x19, MqttProperties.EMPTY), decode5(Hex.bytes("F0 01 19")));
    }

    @Test
    void authIsAReservedPacketTypeOnMqtt3() {
        MalformedPacketException failure = Codec.decodeFailure(MqttCodec.MQTT_3_1_1, Hex.bytes("F0 00"));

        assertEquals("reserved packet type 15", failure.getMessage());
        assertEquals(MALFORMED, Codec.decodeFailure(MqttCodec.MQTT_3_1, Hex.bytes("F0 00")).reasonCode());
    }

    @Test
    void authWithReservedFlagsIsMalformed() {
        assertRefused(MALFORMED, Hex.bytes("F1 00"));
    }

    @Test
    void authPropertiesAreCheckedForTheirPacket() {
        assertRefused(MALFORMED, Hex.bytes("F0 04 18 02 01 01"));
    }
}
