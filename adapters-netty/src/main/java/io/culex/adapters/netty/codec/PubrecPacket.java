package io.culex.adapters.netty.codec;

import java.util.Objects;

/** PUBREC. {@code reasonCode} and {@code properties} are sent on MQTT 5 only, in the shortest form that holds them. */
public record PubrecPacket(int packetId, int reasonCode, MqttProperties properties) implements MqttPacket {

    public PubrecPacket {
        FieldRanges.packetId(packetId);
        FieldRanges.unsignedByte("reasonCode", reasonCode);
        Objects.requireNonNull(properties, "properties");
    }

    /** Success, without properties. */
    public PubrecPacket(int packetId) {
        this(packetId, ReasonCodes.SUCCESS, MqttProperties.EMPTY);
    }
}
