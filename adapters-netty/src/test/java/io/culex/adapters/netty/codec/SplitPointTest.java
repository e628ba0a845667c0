package io.culex.adapters.netty.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stream of packets must decode the same however TCP happens to cut it. */
class SplitPointTest {

    private static final List<MqttPacket> PACKETS = List.of(
            SamplePackets.fullConnect(),
            new PublishPacket("a/b", SamplePackets.filled(300), 1, false, false, 42),
            new SubscribePacket(7, List.of(new TopicSubscription("a/#", 1), new TopicSubscription("c/+", 2))),
            PingreqPacket.INSTANCE,
            new PublishPacket("q0", SamplePackets.utf8("fire and forget"), 0, true, false, 0),
            new PubrelPacket(42),
            new UnsubscribePacket(8, List.of("a/#")),
            DisconnectPacket.INSTANCE);

    /** Written by Netty's encoder, so the framing under test does not depend on our encoder. */
    private static final byte[] STREAM = Hex.concat(PACKETS.stream().map(NettyMessages::nettyEncode).toArray(byte[][]::new));

    /** Decodable only if the decoder switches to MQTT 5 at the CONNECT that starts it. */
    private static final List<MqttPacket> MQTT5_PACKETS = List.of(
            SamplePackets.fullConnect5(),
            new PublishPacket("a/b", SamplePackets.filled(300), 1, false, false, 42, SamplePackets.publishProperties()),
            new SubscribePacket(7, List.of(new TopicSubscription("a/#", 1, true, false, 2)),
                    MqttProperties.builder().subscriptionIdentifier(3).build()),
            new PubackPacket(9, 0x10, MqttProperties.EMPTY),
            new PubrelPacket(42, 0, MqttProperties.builder().reasonString("ok").build()),
            new AuthPacket(0x19, MqttProperties.builder().authenticationMethod("m").build()),
            new DisconnectPacket(0x04, MqttProperties.EMPTY));

    private static final byte[] MQTT5_STREAM = Hex.concat(MQTT5_PACKETS.stream()
            .map(p -> NettyMessages.nettyEncode(p, MqttCodec.MQTT_5)).toArray(byte[][]::new));

    @Test
    void mqtt5StreamSplitInTwoAtEveryIndexDecodesTheSame() {
        for (int split = 0; split <= MQTT5_STREAM.length; split++) {
            byte[] head = Arrays.copyOfRange(MQTT5_STREAM, 0, split);
            byte[] tail = Arrays.copyOfRange(MQTT5_STREAM, split, MQTT5_STREAM.length);

            assertEquals(MQTT5_PACKETS, Codec.decode(head, tail), "split at " + split);
        }
    }

    @Test
    void wholeStreamInOneReadDecodesEveryPacket() {
        assertEquals(PACKETS, Codec.decode(STREAM));
    }

    @Test
    void streamSplitInTwoAtEveryIndexDecodesTheSame() {
        for (int split = 0; split <= STREAM.length; split++) {
            byte[] head = Arrays.copyOfRange(STREAM, 0, split);
            byte[] tail = Arrays.copyOfRange(STREAM, split, STREAM.length);

            assertEquals(PACKETS, Codec.decode(head, tail), "split at " + split);
        }
    }

    @Test
    void streamFedOneByteAtATimeDecodesTheSame() {
        byte[][] bytes = new byte[STREAM.length][];
        for (int i = 0; i < STREAM.length; i++) {
            bytes[i] = new byte[] {STREAM[i]};
        }

        assertEquals(PACKETS, Codec.decode(bytes));
    }

    @Test
    void incompletePacketYieldsNothingUntilItsLastByteArrives() {
        byte[] publish = NettyMessages.nettyEncode(PACKETS.get(1));
        byte[] allButLast = Arrays.copyOf(publish, publish.length - 1);
        byte[] last = {publish[publish.length - 1]};
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT));

        channel.writeInbound(Unpooled.wrappedBuffer(allButLast));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(last));
        assertEquals(PACKETS.get(1), (MqttPacket) channel.readInbound());
    }
}
