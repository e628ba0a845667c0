package io.culex.adapters.netty.codec;

import java.util.Objects;

/** PUBACK. {@code reasonCode} and {@code properties} are sent on MQTT 5 only, in the shortest form that holds them. */
public record PubackPacket(int packetId, int reasonCode, MqttProperties properties) implements MqttPacket {

    public PubackPacket {
        FieldRanges.packetId(packetId);
        FieldRanges.unsignedByte("reasonCode", reasonCode);
        Objects.requireNonNull(properties, "properties");
    }

    /** Success, without properties. */
    public PubackPacket(int packetId) {
        this(packetId, ReasonCodes.SUCCESS, MqttProperties.EMPTY);
    }
}
