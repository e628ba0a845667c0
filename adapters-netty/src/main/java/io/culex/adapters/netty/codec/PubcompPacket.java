package io.culex.adapters.netty.codec;

import java.util.Objects;

/** PUBCOMP. {@code reasonCode} and {@code properties} are sent on MQTT 5 only, in the shortest form that holds them. */
public record PubcompPacket(int packetId, int reasonCode, MqttProperties properties) implements MqttPacket {

    public PubcompPacket {
        FieldRanges.packetId(packetId);
        FieldRanges.unsignedByte("reasonCode", reasonCode);
        Objects.requireNonNull(properties, "properties");
    }

    /** Success, without properties. */
    public PubcompPacket(int packetId) {
        this(packetId, ReasonCodes.SUCCESS, MqttProperties.EMPTY);
    }
}
