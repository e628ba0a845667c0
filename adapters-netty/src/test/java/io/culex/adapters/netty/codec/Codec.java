package io.culex.adapters.netty.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;

/** Runs our encoder and decoder in {@link EmbeddedChannel}s. */
final class Codec {

    /** Large enough for every packet the tests build; tests of the limit pass their own. */
    static final int TEST_LIMIT = RemainingLength.MAX_VALUE;

    private Codec() {}

    /** Encodes on a channel whose level is still the default, 3.1.1. */
    static byte[] encode(MqttPacket packet) {
        return encode(packet, MqttCodec.MQTT_3_1_1);
    }

    /** Encodes on a channel at {@code protocolLevel}. */
    static byte[] encode(MqttPacket packet, int protocolLevel) {
        ByteBuf buf = encodeToBuffer(packet, protocolLevel);
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** The buffer exactly as the encoder produced it; the caller releases it. */
    static ByteBuf encodeToBuffer(MqttPacket packet) {
        return encodeToBuffer(packet, MqttCodec.MQTT_3_1_1);
    }

    static ByteBuf encodeToBuffer(MqttPacket packet, int protocolLevel) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        MqttCodec.setProtocolLevel(channel, protocolLevel);
        channel.writeOutbound(packet);
        ByteBuf buf = channel.readOutbound();
        assertFalse(channel.finish(), "encoder produced more than one buffer");
        return buf;
    }

    /** Decodes with a fresh decoder, writing each chunk as a separate read. */
    static List<MqttPacket> decode(byte[]... chunks) {
        return decode(new MqttDecoder(TEST_LIMIT), chunks);
    }

    static List<MqttPacket> decode(MqttDecoder decoder, byte[]... chunks) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        List<MqttPacket> packets = new ArrayList<>();
        for (byte[] chunk : chunks) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
            drainInto(channel, packets);
        }
        assertFalse(channel.finish(), "decoder emitted packets when the channel closed");
        return packets;
    }

    static MqttPacket decodeSingle(byte[] bytes) {
        return decodeSingle(new MqttDecoder(TEST_LIMIT), bytes);
    }

    /** Decodes with a decoder told the level up front, as a client's is. */
    static MqttPacket decodeSingle(int protocolLevel, byte[] bytes) {
        return decodeSingle(new MqttDecoder(TEST_LIMIT, protocolLevel), bytes);
    }

    private static MqttPacket decodeSingle(MqttDecoder decoder, byte[] bytes) {
        List<MqttPacket> packets = decode(decoder, bytes);
        assertEquals(1, packets.size(), () -> "expected one packet but got " + packets);
        return packets.get(0);
    }

    static MalformedPacketException decodeFailure(byte[] bytes) {
        return decodeFailure(new MqttDecoder(TEST_LIMIT), bytes);
    }

    static MalformedPacketException decodeFailure(int protocolLevel, byte[] bytes) {
        return decodeFailure(new MqttDecoder(TEST_LIMIT, protocolLevel), bytes);
    }

    static MalformedPacketException decodeFailure(MqttDecoder decoder, byte[] bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        MalformedPacketException failure = assertThrows(MalformedPacketException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(bytes)),
                () -> "expected " + Hex.of(bytes) + " to be refused");
        channel.finishAndReleaseAll();
        return failure;
    }

    static void drainInto(EmbeddedChannel channel, List<MqttPacket> packets) {
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            packets.add((MqttPacket) message);
        }
    }
}
