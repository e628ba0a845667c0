package io.culex.adapters.netty.codec;

import java.util.List;
import java.util.Objects;

/** SUBSCRIBE. The list is copied and unmodifiable. {@code properties} are sent on MQTT 5 only. */
public record SubscribePacket(int packetId, List<TopicSubscription> subscriptions, MqttProperties properties)
        implements MqttPacket {

    public SubscribePacket {
        FieldRanges.packetId(packetId);
        subscriptions = List.copyOf(subscriptions);
        Objects.requireNonNull(properties, "properties");
    }

    public SubscribePacket(int packetId, List<TopicSubscription> subscriptions) {
        this(packetId, subscriptions, MqttProperties.EMPTY);
    }
}
