package io.culex.adapters.netty.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.EncoderException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Property lists on their own (spec 2.2.2): byte vectors for each data type, and every rule on them. */
class PropertiesCodecTest {

    static Stream<Arguments> oneOfEachDataType() {
        return Stream.of(
                Arguments.of("byte", PropertyScope.PUBLISH, "02 01 01",
                        MqttProperties.builder().payloadFormatIndicator(1).build()),
                Arguments.of("two-byte integer", PropertyScope.CONNECT, "03 21 01 02",
                        MqttProperties.builder().receiveMaximum(258).build()),
                Arguments.of("four-byte integer at its maximum", PropertyScope.CONNACK, "05 11 FF FF FF FF",
                        MqttProperties.builder().sessionExpiryInterval(4_294_967_295L).build()),
                Arguments.of("variable byte integer, one byte", PropertyScope.SUBSCRIBE, "02 0B 7F",
                        MqttProperties.builder().subscriptionIdentifier(127).build()),
                Arguments.of("variable byte integer, two bytes", PropertyScope.SUBSCRIBE, "03 0B 80 01",
                        MqttProperties.builder().subscriptionIdentifier(128).build()),
                Arguments.of("variable byte integer at its maximum", PropertyScope.PUBLISH, "05 0B FF FF FF 7F",
                        MqttProperties.builder().subscriptionIdentifier(268_435_455).build()),
                Arguments.of("UTF-8 string", PropertyScope.WILL, "07 03 00 04 6A 73 6F 6E",
                        MqttProperties.builder().contentType("json").build()),
                Arguments.of("binary data", PropertyScope.PUBLISH, "05 09 00 02 AB CD",
                        MqttProperties.builder().correlationData(Hex.bytes("AB CD")).build()),
                Arguments.of("UTF-8 string pair", PropertyScope.PUBACK, "07 26 00 01 61 00 01 62",
                        MqttProperties.builder().userProperty("a", "b").build()),
                Arguments.of("none", PropertyScope.DISCONNECT, "00", MqttProperties.EMPTY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfEachDataType")
    void decodesEachDataType(String type, PropertyScope scope, String hex, MqttProperties expected) {
        assertEquals(expected, decode(scope, hex));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfEachDataType")
    void encodesEachDataType(String type, PropertyScope scope, String hex, MqttProperties properties) {
        assertEquals(hex, encode(properties, scope));
    }

    @Test
    void severalPropertiesGoOutInIdentifierOrderAndUserPropertiesInTheirOwn() {
        MqttProperties properties = MqttProperties.builder()
                .userProperty("k", "2").userProperty("k", "1")
                .topicAlias(3)
                .payloadFormatIndicator(0)
                .build();

        String hex = encode(properties, PropertyScope.PUBLISH);

        assertEquals("13 01 00 23 00 03 26 00 01 6B 00 01 32 26 00 01 6B 00 01 31", hex);
        assertEquals(properties, decode(PropertyScope.PUBLISH, hex));
        assertEquals(List.of(new UserProperty("k", "2"), new UserProperty("k", "1")),
                decode(PropertyScope.PUBLISH, hex).userProperties());
    }

    @Test
    void publishMayCarrySeveralSubscriptionIdentifiers() {
        MqttProperties decoded = decode(PropertyScope.PUBLISH, "04 0B 01 0B 02");

        assertEquals(List.of(1, 2), decoded.subscriptionIdentifiers());
        assertEquals("04 0B 01 0B 02", encode(decoded, PropertyScope.PUBLISH));
    }

    @Test
    void subscribeMayCarryOnlyOneSubscriptionIdentifier() {
        MalformedPacketException failure = decodeFailure(PropertyScope.SUBSCRIBE, "04 0B 01 0B 02");

        assertEquals(MalformedPacketException.PROTOCOL_ERROR, failure.reasonCode());
        assertEquals("SUBSCRIBE: property Subscription Identifier (0x0B) given more than once on SUBSCRIBE",
                failure.getMessage());
        assertThrows(EncoderException.class, () -> encode(
                MqttProperties.builder().subscriptionIdentifiers(List.of(1, 2)).build(), PropertyScope.SUBSCRIBE));
    }

    @ParameterizedTest(name = "{0} twice on {1}")
    @CsvSource({
        "01 00 01 01, PUBLISH",
        "11 00 00 00 01 11 00 00 00 02, CONNECT",
        "1F 00 01 61 1F 00 01 62, PUBACK",
        "23 00 01 23 00 02, PUBLISH",
        "09 00 00 09 00 00, WILL",
        "15 00 01 61 15 00 01 61, CONNACK"
    })
    void aPropertyThatMayNotRepeatGivenTwiceIsAProtocolError(String properties, PropertyScope scope) {
        assertEquals(MalformedPacketException.PROTOCOL_ERROR, decodeFailure(scope, withLength(properties)).reasonCode());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "11 00 00 00 0A, WILL, CONNECT: property Session Expiry Interval (0x11) not allowed on the will",
        "18 00 00 00 0A, CONNECT, CONNECT: property Will Delay Interval (0x18) not allowed on CONNECT",
        "01 01, CONNECT, CONNECT: property Payload Format Indicator (0x01) not allowed on CONNECT",
        "23 00 01, CONNACK, CONNACK: property Topic Alias (0x23) not allowed on CONNACK",
        "1F 00 00, PUBLISH, PUBLISH: property Reason String (0x1F) not allowed on PUBLISH",
        "0B 01, UNSUBSCRIBE, UNSUBSCRIBE: property Subscription Identifier (0x0B) not allowed on UNSUBSCRIBE",
        "24 01, CONNECT, CONNECT: property Maximum QoS (0x24) not allowed on CONNECT",
        "17 01, CONNACK, CONNACK: property Request Problem Information (0x17) not allowed on CONNACK",
        "12 00 01 61, DISCONNECT, DISCONNECT: property Assigned Client Identifier (0x12) not allowed on DISCONNECT"
    })
    void aPropertyOnAPacketThatMayNotCarryItIsMalformed(String properties, PropertyScope scope, String message) {
        MalformedPacketException failure = decodeFailure(scope, withLength(properties));

        assertEquals(MalformedPacketException.MALFORMED_PACKET, failure.reasonCode());
        assertEquals(message, failure.getMessage());
    }

    @Test
    void aPropertyThePacketMayNotCarryIsRefusedByTheEncoderToo() {
        EncoderException failure = assertThrows(EncoderException.class,
                () -> encode(MqttProperties.builder().sessionExpiryInterval(1L).build(), PropertyScope.WILL));

        assertEquals("the will: property Session Expiry Interval (0x11) not allowed on the will", failure.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"04", "00", "2B", "7F"})
    void anUnknownIdentifierIsMalformed(String identifier) {
        MalformedPacketException failure = decodeFailure(PropertyScope.PUBLISH, withLength(identifier + " 00"));

        assertEquals(MalformedPacketException.MALFORMED_PACKET, failure.reasonCode());
        assertEquals("PUBLISH: unknown property identifier 0x" + Integer.toHexString(Integer.parseInt(identifier, 16)),
                failure.getMessage());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "01 02, PUBLISH",
        "01 FF, WILL",
        "21 00 00, CONNECT",
        "27 00 00 00 00, CONNACK",
        "17 02, CONNECT",
        "19 02, CONNECT",
        "0B 00, SUBSCRIBE",
        "24 02, CONNACK",
        "25 02, CONNACK",
        "28 02, CONNACK",
        "29 02, CONNACK",
        "2A 02, CONNACK"
    })
    void aValueOutsideThePropertysRangeIsAProtocolError(String properties, PropertyScope scope) {
        assertEquals(MalformedPacketException.PROTOCOL_ERROR, decodeFailure(scope, withLength(properties)).reasonCode());
    }

    @Test
    void rangeMessageNamesThePropertyAndItsRange() {
        assertEquals("CONNECT: property Receive Maximum (0x21) must be in [1, 65535] but was 0",
                decodeFailure(PropertyScope.CONNECT, "03 21 00 00").getMessage());
    }

    @Test
    void topicAliasZeroIsDecodedForTheBrokerToRefuse() {
        assertEquals(0, decode(PropertyScope.PUBLISH, "03 23 00 00").topicAlias());
    }

    @Test
    void aPropertyLengthOverrunningThePacketIsMalformed() {
        MalformedPacketException failure = decodeFailure(PropertyScope.PUBLISH, "05 01 01");

        assertEquals(MalformedPacketException.MALFORMED_PACKET, failure.reasonCode());
        assertEquals("PUBLISH: property length 5 overruns the packet", failure.getMessage());
    }

    @Test
    void aPropertyValueOverrunningThePropertyLengthIsMalformed() {
        // Length 2 covers the identifier and half of the two-byte Topic Alias; the packet goes on.
        MalformedPacketException failure = decodeFailureLeaving(PropertyScope.PUBLISH, "02 23 00 01 AA");

        assertEquals(MalformedPacketException.MALFORMED_PACKET, failure.reasonCode());
        assertEquals("PUBLISH: property Topic Alias (0x23) overruns the property length", failure.getMessage());
    }

    @Test
    void aPropertyLengthOfFiveBytesIsMalformed() {
        assertEquals(MalformedPacketException.MALFORMED_PACKET,
                decodeFailure(PropertyScope.PUBLISH, "80 80 80 80 01").reasonCode());
    }

    @Test
    void stringPropertiesAreStrictUtf8() {
        MalformedPacketException failure = decodeFailure(PropertyScope.PUBLISH, "05 03 00 02 C0 AF");

        assertEquals("PUBLISH: Content Type (0x03) is not valid UTF-8 or contains U+0000", failure.getMessage());
    }

    @Test
    void willPropertiesNameThemselvesInMessages() {
        assertEquals("CONNECT: will property length 9 overruns the packet",
                decodeFailure(PropertyScope.WILL, "09").getMessage());
    }

    @Test
    void sizeIsWhatIsWritten() {
        MqttProperties properties = MqttProperties.builder()
                .contentType("\u20AC").correlationData(new byte[300]).userProperty("n", "v")
                .subscriptionIdentifier(200_000).messageExpiryInterval(5L).build();
        PropertiesLayout layout = PropertiesLayout.of(properties, PropertyScope.PUBLISH);
        ByteBuf out = Unpooled.buffer();

        layout.writeTo(out);

        assertEquals(out.readableBytes(), layout.size());
        assertEquals(properties, decode(PropertyScope.PUBLISH, Hex.of(ByteBufUtil.getBytes(out))));
    }

    private static String withLength(String properties) {
        byte[] bytes = Hex.bytes(properties);
        return Hex.of(Hex.concat(new byte[] {(byte) bytes.length}, bytes));
    }

    private static PacketType packetTypeOf(PropertyScope scope) {
        return scope == PropertyScope.WILL ? PacketType.CONNECT : PacketType.valueOf(scope.name());
    }

    /** Parses a property list that must fill the whole body. */
    static MqttProperties decode(PropertyScope scope, String hex) {
        byte[] bytes = Hex.bytes(hex);
        BodyReader body = new BodyReader(packetTypeOf(scope), Unpooled.wrappedBuffer(bytes), bytes.length, new StrictUtf8());
        MqttProperties properties = PropertiesParser.parse(body, scope);
        body.requireFullyConsumed();
        return properties;
    }

    private static MalformedPacketException decodeFailure(PropertyScope scope, String hex) {
        return assertThrows(MalformedPacketException.class, () -> decode(scope, hex));
    }

    /** For lists that are followed by more of the packet. */
    private static MalformedPacketException decodeFailureLeaving(PropertyScope scope, String hex) {
        byte[] bytes = Hex.bytes(hex);
        BodyReader body = new BodyReader(packetTypeOf(scope), Unpooled.wrappedBuffer(bytes), bytes.length, new StrictUtf8());
        return assertThrows(MalformedPacketException.class, () -> PropertiesParser.parse(body, scope));
    }

    static String encode(MqttProperties properties, PropertyScope scope) {
        ByteBuf out = Unpooled.buffer();
        PropertiesLayout.of(properties, scope).writeTo(out);
        return Hex.of(ByteBufUtil.getBytes(out));
    }
}
