package io.culex.adapters.netty.codec;

import java.util.List;
import java.util.Objects;

/** UNSUBSCRIBE. The list is copied and unmodifiable. {@code properties} are sent on MQTT 5 only. */
public record UnsubscribePacket(int packetId, List<String> filters, MqttProperties properties) implements MqttPacket {

    public UnsubscribePacket {
        FieldRanges.packetId(packetId);
        filters = List.copyOf(filters);
        Objects.requireNonNull(properties, "properties");
    }

    public UnsubscribePacket(int packetId, List<String> filters) {
        this(packetId, filters, MqttProperties.EMPTY);
    }
}
