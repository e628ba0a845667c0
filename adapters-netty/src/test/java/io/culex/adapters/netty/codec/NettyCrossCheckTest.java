package io.culex.adapters.netty.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Netty's MQTT codec as an independent reference implementation, in both directions, on 3.1.1 and 5. */
class NettyCrossCheckTest {

    @ParameterizedTest
    @MethodSource("io.culex.adapters.netty.codec.SamplePackets#stream")
    void ourDecoderReadsWhatNettysEncoderWrites(MqttPacket packet) {
        byte[] nettyBytes = NettyMessages.nettyEncode(packet);

        assertEquals(packet, Codec.decodeSingle(nettyBytes));
    }

    @ParameterizedTest
    @MethodSource("io.culex.adapters.netty.codec.SamplePackets#stream")
    void nettysDecoderReadsWhatOurEncoderWrites(MqttPacket packet) {
        byte[] ourBytes = Codec.encode(packet);

        assertEquals(packet, NettyMessages.nettyDecode(ourBytes));
    }

    @ParameterizedTest
    @MethodSource("io.culex.adapters.netty.codec.SamplePackets#stream")
    void ourEncoderWritesTheSameBytesAsNettys(MqttPacket packet) {
        assertArrayEquals(NettyMessages.nettyEncode(packet), Codec.encode(packet));
    }

    @ParameterizedTest
    @MethodSource("io.culex.adapters.netty.codec.SamplePackets#mqtt5Stream")
    void ourDecoderReadsWhatNettysEncoderWritesOnMqtt5(MqttPacket packet) {
        byte[] nettyBytes = NettyMessages.nettyEncode(packet, MqttCodec.MQTT_5);

        assertEquals(packet, Codec.decodeSingle(MqttCodec.MQTT_5, nettyBytes));
    }

    @ParameterizedTest
    @MethodSource("io.culex.adapters.netty.codec.SamplePackets#mqtt5Stream")
    void nettysDecoderReadsWhatOurEncoderWritesOnMqtt5(MqttPacket packet) {
        byte[] ourBytes = Codec.encode(packet, MqttCodec.MQTT_5);

        assertEquals(packet, NettyMessages.nettyDecode(ourBytes, MqttCodec.MQTT_5));
    }

    /**
     * Netty lays out two things differently, both allowed by the spec: it writes properties in its
     * hash map's order (we write them in identifier order), and it always follows a reason code
     * with a property length (we leave out a zero one: the shortest form). Elsewhere the bytes match.
     */
    static Stream<MqttPacket> mqtt5PacketsNettyLaysOutAlike() {
        return SamplePackets.mqtt5Stream().filter(p -> propertyKinds(p) <= 1 && !reasonCodeAlone(p));
    }

    @ParameterizedTest
    @MethodSource("mqtt5PacketsNettyLaysOutAlike")
    void ourEncoderWritesTheSameBytesAsNettysOnMqtt5(MqttPacket packet) {
        assertArrayEquals(NettyMessages.nettyEncode(packet, MqttCodec.MQTT_5), Codec.encode(packet, MqttCodec.MQTT_5));
    }

    @Test
    void aReasonCodeWithoutPropertiesIsWrittenWithoutTheZeroPropertyLengthNettyAdds() {
        PubackPacket puback = new PubackPacket(2, 0x10, MqttProperties.EMPTY);
        DisconnectPacket disconnect = new DisconnectPacket(0x04, MqttProperties.EMPTY);

        assertEquals("40 04 00 02 10 00", Hex.of(NettyMessages.nettyEncode(puback, MqttCodec.MQTT_5)));
        assertEquals("40 03 00 02 10", Hex.of(Codec.encode(puback, MqttCodec.MQTT_5)));
        assertEquals("E0 02 04 00", Hex.of(NettyMessages.nettyEncode(disconnect, MqttCodec.MQTT_5)));
        assertEquals("E0 01 04", Hex.of(Codec.encode(disconnect, MqttCodec.MQTT_5)));
    }

    @Test
    void theLayoutFilterKeepsEnoughPacketsToMeanSomething() {
        assertTrue(mqtt5PacketsNettyLaysOutAlike().count() >= 20, "byte-for-byte check over too few packets");
    }

    private static long propertyKinds(MqttPacket packet) {
        return propertiesOf(packet).stream().mapToLong(properties -> Stream.of(PropertyId.values())
                .filter(id -> id == PropertyId.SUBSCRIPTION_IDENTIFIER ? !properties.subscriptionIdentifiers().isEmpty()
                        : id == PropertyId.USER_PROPERTY ? !properties.userProperties().isEmpty()
                        : properties.value(id) != null)
                .count()).max().orElse(0);
    }

    private static boolean reasonCodeAlone(MqttPacket packet) {
        int code = packet instanceof PubackPacket p ? p.reasonCode()
                : packet instanceof PubrecPacket p ? p.reasonCode()
                : packet instanceof PubrelPacket p ? p.reasonCode()
                : packet instanceof PubcompPacket p ? p.reasonCode()
                : packet instanceof DisconnectPacket p ? p.reasonCode()
                : packet instanceof AuthPacket p ? p.reasonCode()
                : 0;
        return code != 0 && propertiesOf(packet).stream().allMatch(MqttProperties::isEmpty);
    }

    private static List<MqttProperties> propertiesOf(MqttPacket packet) {
        if (packet instanceof ConnectPacket p) {
            return p.will() == null ? List.of(p.properties()) : List.of(p.properties(), p.will().properties());
        }
        MqttProperties properties = packet instanceof ConnackPacket p ? p.properties()
                : packet instanceof PublishPacket p ? p.properties()
                : packet instanceof PubackPacket p ? p.properties()
                : packet instanceof PubrecPacket p ? p.properties()
                : packet instanceof PubrelPacket p ? p.properties()
                : packet instanceof PubcompPacket p ? p.properties()
                : packet instanceof SubscribePacket p ? p.properties()
                : packet instanceof SubackPacket p ? p.properties()
                : packet instanceof UnsubscribePacket p ? p.properties()
                : packet instanceof UnsubackPacket p ? p.properties()
                : packet instanceof DisconnectPacket p ? p.properties()
                : packet instanceof AuthPacket p ? p.properties()
                : MqttProperties.EMPTY;
        return List.of(properties);
    }
}
