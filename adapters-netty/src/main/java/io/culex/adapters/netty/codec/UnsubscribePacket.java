package io.culex.adapters.netty.codec;

import java.util.List;

/** UNSUBSCRIBE. The list is copied and unmodifiable. */
public record UnsubscribePacket(int packetId, List<String> filters) implements MqttPacket {

    public UnsubscribePacket {
        FieldRanges.packetId(packetId);
        filters = List.copyOf(filters);
    }
}
