package io.culex.adapters.netty.codec;

import java.util.List;
import java.util.Objects;

/**
 * UNSUBACK. MQTT 3.x carries only the packet id: there {@code reasonCodes} is empty (decoded) or
 * ignored (encoded). MQTT 5 requires one reason code per filter of the UNSUBSCRIBE. The list is
 * copied.
 */
public record UnsubackPacket(int packetId, List<Integer> reasonCodes, MqttProperties properties) implements MqttPacket {

    public UnsubackPacket {
        FieldRanges.packetId(packetId);
        reasonCodes = List.copyOf(reasonCodes);
        for (int code : reasonCodes) {
            FieldRanges.unsignedByte("reasonCode", code);
        }
        Objects.requireNonNull(properties, "properties");
    }

    /** As MQTT 3.x sends it: no reason codes, no properties. */
    public UnsubackPacket(int packetId) {
        this(packetId, List.of(), MqttProperties.EMPTY);
    }
}
