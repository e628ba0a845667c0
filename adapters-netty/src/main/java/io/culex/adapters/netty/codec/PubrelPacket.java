package io.culex.adapters.netty.codec;

import java.util.Objects;

/** PUBREL. {@code reasonCode} and {@code properties} are sent on MQTT 5 only, in the shortest form that holds them. */
public record PubrelPacket(int packetId, int reasonCode, MqttProperties properties) implements MqttPacket {

    public PubrelPacket {
        FieldRanges.packetId(packetId);
        FieldRanges.unsignedByte("reasonCode", reasonCode);
        Objects.requireNonNull(properties, "properties");
    }

    /** Success, without properties. */
    public PubrelPacket(int packetId) {
        this(packetId, ReasonCodes.SUCCESS, MqttProperties.EMPTY);
    }
}
