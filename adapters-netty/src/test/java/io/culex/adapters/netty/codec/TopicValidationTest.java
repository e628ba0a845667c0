package io.culex.adapters.netty.codec;

import static io.culex.adapters.netty.codec.WirePacket.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"a/+/c", "a/#", "+", "#", "a+b"})
    void publishTopicContainingAWildcardIsMalformed(String topic) {
        MalformedPacketException failure = Codec.decodeFailure(packet(0x30).string(topic).build());

        assertEquals("PUBLISH: topic name must not contain wildcards", failure.getMessage());
    }

    @Test
    void emptyPublishTopicIsMalformed() {
        Codec.decodeFailure(packet(0x30).string("").raw("AA").build());
    }

    @Test
    void willTopicContainingAWildcardIsMalformed() {
        Codec.decodeFailure(packet(0x10).string("MQTT").u8(4, 0x06).u16(0).string("c").string("a/#").u16(0).build());
    }

    @Test
    void emptyWillTopicIsMalformed() {
        Codec.decodeFailure(packet(0x10).string("MQTT").u8(4, 0x06).u16(0).string("c").string("").u16(0).build());
    }

    @Test
    void emptySubscribeFilterIsMalformed() {
        Codec.decodeFailure(packet(0x82).u16(1).string("").u8(0).build());
    }

    @Test
    void emptyUnsubscribeFilterIsMalformed() {
        Codec.decodeFailure(packet(0xA2).u16(1).string("").build());
    }

    /** The broker answers SUBACK 0x80 for these, so decoding must hand them over. */
    @Test
    void misplacedWildcardsInSubscribeFiltersAreNotADecodeError() {
        byte[] bytes = packet(0x82).u16(5).string("a/b#").u8(0).string("a+/b").u8(1).string("#/a").u8(2).build();

        assertEquals(new SubscribePacket(5, List.of(
                        new TopicSubscription("a/b#", 0),
                        new TopicSubscription("a+/b", 1),
                        new TopicSubscription("#/a", 2))),
                Codec.decodeSingle(bytes));
    }

    @Test
    void misplacedWildcardsInUnsubscribeFiltersAreNotADecodeError() {
        assertEquals(new UnsubscribePacket(5, List.of("a/b#")), Codec.decodeSingle(packet(0xA2).u16(5).string("a/b#").build()));
    }
}
