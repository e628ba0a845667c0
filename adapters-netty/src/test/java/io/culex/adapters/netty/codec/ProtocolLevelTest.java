package io.culex.adapters.netty.codec;

import static io.culex.adapters.netty.codec.WirePacket.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a channel's protocol level is set, and that decoder and encoder both follow it. */
class ProtocolLevelTest {

    private static final byte[] PUBACK_WITH_CODE = Hex.bytes("40 03 00 01 10");

    @Test
    void aChannelSpeaks311UntilToldOtherwise() {
        assertEquals(MqttCodec.MQTT_3_1_1, MqttCodec.protocolLevel(new EmbeddedChannel()));
    }

    @Test
    void decodingAnMqtt5ConnectSwitchesTheRestOfTheStreamToMqtt5() {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT));
        byte[] connect = Codec.encode(SamplePackets.minimalConnect5());

        channel.writeInbound(Unpooled.wrappedBuffer(Hex.concat(connect, PUBACK_WITH_CODE)));

        assertEquals(MqttCodec.MQTT_5, MqttCodec.protocolLevel(channel));
        assertEquals(SamplePackets.minimalConnect5(), channel.readInbound());
        assertEquals(new PubackPacket(1, 0x10, MqttProperties.EMPTY), channel.readInbound());
    }

    @Test
    void decodingAnMqtt31ConnectSetsLevel3() {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT));

        channel.writeInbound(Unpooled.wrappedBuffer(Codec.encode(SamplePackets.mqtt31Connect())));

        assertEquals(MqttCodec.MQTT_3_1, MqttCodec.protocolLevel(channel));
    }

    @Test
    void aConnectOfAnUnsupportedLevelLeavesTheChannelAt311() {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT));

        channel.writeInbound(Unpooled.wrappedBuffer(packet(0x10).string("MQTT").u8(6, 0x02).u16(0).build()));

        assertEquals(MqttCodec.MQTT_3_1_1, MqttCodec.protocolLevel(channel));
    }

    /** "MQTT" with 3.1's level is not MQTT 3.1: the codec stopped at the level, so it must not switch to 3. */
    @Test
    void aConnectWithANameAndLevelThatDoNotBelongTogetherLeavesTheChannelAt311() {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT));

        channel.writeInbound(Unpooled.wrappedBuffer(packet(0x10).string("MQTT").u8(3, 0x02).u16(0).string("c").build()));

        assertEquals(MqttCodec.MQTT_3_1_1, MqttCodec.protocolLevel(channel));
    }

    @Test
    void decoderGivenALevelSetsItOnTheChannelBeforeAnyPacket() {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT, MqttCodec.MQTT_5));

        assertEquals(MqttCodec.MQTT_5, MqttCodec.protocolLevel(channel));
        channel.writeInbound(Unpooled.wrappedBuffer(PUBACK_WITH_CODE));
        assertEquals(new PubackPacket(1, 0x10, MqttProperties.EMPTY), channel.readInbound());
    }

    @Test
    void writingAnMqtt5ConnectSwitchesTheEncoderToMqtt5() {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        PubackPacket puback = new PubackPacket(1, 0x10, MqttProperties.EMPTY);

        channel.writeOutbound(puback, SamplePackets.minimalConnect5(), puback);

        assertEquals(List.of("40 02 00 01", Hex.of(Codec.encode(SamplePackets.minimalConnect5())), "40 03 00 01 10"),
                written(channel));
        assertEquals(MqttCodec.MQTT_5, MqttCodec.protocolLevel(channel));
    }

    @Test
    void aServerPipelineAnswersInTheLevelOfTheConnectItDecoded() {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT), MqttEncoder.INSTANCE);
        channel.writeInbound(Unpooled.wrappedBuffer(Codec.encode(SamplePackets.minimalConnect5())));

        channel.writeOutbound(new ConnackPacket(false, 0, MqttProperties.builder().maximumQos(1).build()));

        assertEquals(List.of("20 05 00 00 02 24 01"), written(channel));
    }

    @Test
    void onlyLevelsTheCodecSpeaksCanBeSet() {
        EmbeddedChannel channel = new EmbeddedChannel();

        assertThrows(IllegalArgumentException.class, () -> MqttCodec.setProtocolLevel(channel, 2));
        assertThrows(IllegalArgumentException.class, () -> MqttCodec.setProtocolLevel(channel, 6));
        assertThrows(IllegalArgumentException.class, () -> new MqttDecoder(100, 6));
        assertThrows(IllegalArgumentException.class,
                () -> PacketWriter.encodedLength(PingreqPacket.INSTANCE, 6));
    }

    private static List<String> written(EmbeddedChannel channel) {
        List<String> hex = new ArrayList<>();
        for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
            hex.add(Hex.of(ByteBufUtil.getBytes(buf)));
            buf.release();
        }
        return hex;
    }
}
