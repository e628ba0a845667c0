package io.culex.adapters.netty.codec;

import java.util.Objects;

/**
 * CONNACK. {@code sessionPresent} is always false on MQTT 3.1, which has no such flag.
 * {@code returnCode} is the 3.x return code (0-5) or the MQTT 5 reason code; the encoder writes
 * it as given, so the broker picks the table that matches the connection's version.
 * {@code properties} are sent on MQTT 5 only.
 */
public record ConnackPacket(boolean sessionPresent, int returnCode, MqttProperties properties) implements MqttPacket {

    public ConnackPacket {
        FieldRanges.unsignedByte("returnCode", returnCode);
        Objects.requireNonNull(properties, "properties");
    }

    public ConnackPacket(boolean sessionPresent, int returnCode) {
        this(sessionPresent, returnCode, MqttProperties.EMPTY);
    }
}
