package io.culex.adapters.netty.codec;

import java.util.Objects;

/**
 * DISCONNECT. MQTT 3.x has no fields: it always decodes to {@link #INSTANCE}, and the encoder
 * sends any DISCONNECT as the bare packet. On MQTT 5 {@code reasonCode} and {@code properties}
 * go out in the shortest form that holds them, and a bare DISCONNECT decodes to {@link #INSTANCE}
 * too.
 */
public record DisconnectPacket(int reasonCode, MqttProperties properties) implements MqttPacket {

    /** Normal disconnection (0x00) without properties. */
    public static final DisconnectPacket INSTANCE = new DisconnectPacket(ReasonCodes.SUCCESS, MqttProperties.EMPTY);

    public DisconnectPacket {
        FieldRanges.unsignedByte("reasonCode", reasonCode);
        Objects.requireNonNull(properties, "properties");
    }
}
