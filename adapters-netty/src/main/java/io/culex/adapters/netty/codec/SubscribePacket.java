package io.culex.adapters.netty.codec;

import java.util.List;

/** SUBSCRIBE. The list is copied and unmodifiable. */
public record SubscribePacket(int packetId, List<TopicSubscription> subscriptions) implements MqttPacket {

    public SubscribePacket {
        FieldRanges.packetId(packetId);
        subscriptions = List.copyOf(subscriptions);
    }
}
