package io.culex.adapters.netty.codec;

import static io.culex.adapters.netty.codec.WirePacket.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** Mosquitto's bridge extension: bit 0x80 of the CONNECT protocol level (try_private), as handle_connect.c reads it. */
class BridgeBitTest {

    private static ConnectPacket decodeConnect(String name, int wireLevel, EmbeddedChannel channel) {
        channel.writeInbound(Unpooled.wrappedBuffer(
                packet(0x10).string(name).u8(wireLevel, 0x02).u16(60).string("bridge-1").build()));
        return channel.readInbound();
    }

    @Test
    void level0x84IsAnMqtt311Bridge() {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT));
        ConnectPacket connect = decodeConnect("MQTT", 0x84, channel);

        assertEquals(MqttCodec.MQTT_3_1_1, connect.protocolLevel());
        assertTrue(connect.bridge());
        assertEquals("bridge-1", connect.clientId());
        assertEquals(MqttCodec.MQTT_3_1_1, MqttCodec.protocolLevel(channel));
    }

    @Test
    void level0x83IsAnMqtt31Bridge() {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT));
        ConnectPacket connect = decodeConnect("MQIsdp", 0x83, channel);

        assertEquals(MqttCodec.MQTT_3_1, connect.protocolLevel());
        assertTrue(connect.bridge());
        assertEquals(MqttCodec.MQTT_3_1, MqttCodec.protocolLevel(channel));
    }

    @Test
    void withoutTheBitNoBridge() {
        assertFalse(decodeConnect("MQTT", 0x04, new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT))).bridge());
    }

    @Test
    void onMqtt5TheBitIsIgnoredAsMosquittoDoes() {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT));
        channel.writeInbound(Unpooled.wrappedBuffer(
                packet(0x10).string("MQTT").u8(0x85, 0x02).u16(60).u8(0).string("c").build()));
        ConnectPacket connect = channel.readInbound();

        assertEquals(MqttCodec.MQTT_5, connect.protocolLevel());
        assertFalse(connect.bridge());
    }

    @Test
    void theBitOnALevelNobodySpeaksIsStillUnsupported() {
        ConnectPacket connect = decodeConnect("MQTT", 0x86, new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT)));
        assertEquals(0x86, connect.protocolLevel());
        assertFalse(connect.bridge());
    }

    @Test
    void theEncoderWritesTheBitAndTheChannelSpeaksTheBaseLevel() {
        ConnectPacket connect = new ConnectPacket("MQTT", MqttCodec.MQTT_3_1_1, "bridge-1", true, 60, null, null, null,
                MqttProperties.EMPTY, true);
        byte[] wire = Codec.encode(connect);
        assertEquals(0x84, wire[8] & 0xFF, Hex.of(wire));
        assertEquals(connect, Codec.decode(wire).get(0), "round trip");
    }
}
