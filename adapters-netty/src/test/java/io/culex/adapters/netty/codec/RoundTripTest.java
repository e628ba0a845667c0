package io.culex.adapters.netty.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoundTripTest {

    @ParameterizedTest
    @MethodSource("io.culex.adapters.netty.codec.SamplePackets#stream")
    void everyPacketSurvivesEncodeThenDecode(MqttPacket packet) {
        assertEquals(packet, Codec.decodeSingle(Codec.encode(packet)));
    }

    @ParameterizedTest
    @MethodSource("io.culex.adapters.netty.codec.SamplePackets#stream")
    void encoderAllocatesExactlyThePacketSize(MqttPacket packet) {
        ByteBuf buf = Codec.encodeToBuffer(packet);
        try {
            assertEquals(buf.readableBytes(), buf.capacity(), "capacity");
            assertEquals(buf.readableBytes(), buf.maxCapacity(), "max capacity");
        } finally {
            buf.release();
        }
    }

    @ParameterizedTest
    @MethodSource("io.culex.adapters.netty.codec.SamplePackets#mqtt5Stream")
    void everyMqtt5PacketSurvivesEncodeThenDecode(MqttPacket packet) {
        assertEquals(packet, Codec.decodeSingle(MqttCodec.MQTT_5, Codec.encode(packet, MqttCodec.MQTT_5)));
    }

    @ParameterizedTest
    @MethodSource("io.culex.adapters.netty.codec.SamplePackets#mqtt5Stream")
    void encoderAllocatesExactlyTheMqtt5PacketSize(MqttPacket packet) {
        ByteBuf buf = Codec.encodeToBuffer(packet, MqttCodec.MQTT_5);
        try {
            assertEquals(buf.readableBytes(), buf.maxCapacity());
        } finally {
            buf.release();
        }
    }

    @ParameterizedTest
    @MethodSource("io.culex.adapters.netty.codec.SamplePackets#stream")
    void encodedLengthIsWhatTheEncoderWrites(MqttPacket packet) {
        assertEquals(Codec.encode(packet).length, PacketWriter.encodedLength(packet, MqttCodec.MQTT_3_1_1));
    }

    @ParameterizedTest
    @MethodSource("io.culex.adapters.netty.codec.SamplePackets#mqtt5Stream")
    void encodedLengthIsWhatTheEncoderWritesOnMqtt5(MqttPacket packet) {
        assertEquals(Codec.encode(packet, MqttCodec.MQTT_5).length, PacketWriter.encodedLength(packet, MqttCodec.MQTT_5));
    }

    /** The same packet is shorter on 3.x, which drops what it cannot carry: the length must say so. */
    @Test
    void encodedLengthFollowsTheLevel() {
        PublishPacket publish = new PublishPacket("a/b", SamplePackets.utf8("hello"), 1, true, false, 7,
                SamplePackets.publishProperties());

        assertEquals(Codec.encode(publish, MqttCodec.MQTT_3_1_1).length, PacketWriter.encodedLength(publish, 4));
        assertEquals(Codec.encode(publish, MqttCodec.MQTT_5).length, PacketWriter.encodedLength(publish, 5));
        assertTrue(PacketWriter.encodedLength(publish, 5) > PacketWriter.encodedLength(publish, 4));
    }

    @Test
    void encodedLengthCountsEveryRemainingLengthByte() {
        PublishPacket publish = new PublishPacket("t", SamplePackets.filled(200), 0, false, false, 0);

        // 1 first byte + 2 remaining length bytes + 3 topic + 1 property length + 200 payload
        assertEquals(207, PacketWriter.encodedLength(publish, MqttCodec.MQTT_5));
    }

    @Test
    void encodedLengthRefusesWhatTheEncoderRefuses() {
        assertThrows(EncoderException.class, () -> PacketWriter.encodedLength(new PubackPacket(0), 4));
        assertThrows(EncoderException.class,
                () -> PacketWriter.encodedLength(new AuthPacket(0, MqttProperties.EMPTY), MqttCodec.MQTT_3_1_1));
    }

    @Test
    void allPacketsThroughOnePipelineComeOutInOrder() {
        EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
        EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT));
        for (MqttPacket packet : SamplePackets.all()) {
            encoder.writeOutbound(packet);
        }
        for (ByteBuf buf = encoder.readOutbound(); buf != null; buf = encoder.readOutbound()) {
            decoder.writeInbound(buf);
        }
        List<MqttPacket> decoded = new ArrayList<>();
        Codec.drainInto(decoder, decoded);
        assertEquals(SamplePackets.all(), decoded);
    }

    @Test
    void fieldlessPacketsDecodeToTheirSingletons() {
        assertSame(PingreqPacket.INSTANCE, Codec.decodeSingle(Hex.bytes("C0 00")));
        assertSame(PingrespPacket.INSTANCE, Codec.decodeSingle(Hex.bytes("D0 00")));
        assertSame(DisconnectPacket.INSTANCE, Codec.decodeSingle(Hex.bytes("E0 00")));
    }

    /** Remaining lengths at each boundary where its encoding grows by a byte. */
    @ParameterizedTest
    @ValueSource(ints = {127, 128, 16_383, 16_384, 2_097_151, 2_097_152})
    void publishRoundTripsAtRemainingLengthBoundaries(int remainingLength) {
        int topicField = 2 + 1;
        PublishPacket packet = new PublishPacket("t", SamplePackets.filled(remainingLength - topicField), 0, false, false, 0);

        byte[] wire = Codec.encode(packet);

        assertEquals(1 + RemainingLength.size(remainingLength) + remainingLength, wire.length);
        assertEquals(packet, Codec.decodeSingle(wire));
    }

    @Test
    void decodedPayloadIsACopyAndTheInputBufferIsReleased() {
        byte[] wire = Codec.encode(new PublishPacket("t", SamplePackets.utf8("payload"), 1, false, false, 9));
        ByteBuf input = Unpooled.wrappedBuffer(wire);
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT));

        channel.writeInbound(input);
        PublishPacket decoded = channel.readInbound();
        Arrays.fill(wire, (byte) 0);

        assertArrayEquals(SamplePackets.utf8("payload"), decoded.payload());
        assertEquals(0, input.refCnt(), "decoder must not keep a reference to the input");
    }
}
