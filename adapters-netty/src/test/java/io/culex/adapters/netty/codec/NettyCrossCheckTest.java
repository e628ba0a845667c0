package io.culex.adapters.netty.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Netty's MQTT codec as an independent reference implementation, in both directions. */
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
}
