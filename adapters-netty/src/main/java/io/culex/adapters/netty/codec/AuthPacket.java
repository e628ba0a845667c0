package io.culex.adapters.netty.codec;

import java.util.Objects;

/**
 * AUTH, MQTT 5's enhanced authentication exchange: {@code reasonCode} 0x00 success, 0x18 continue
 * authentication or 0x19 re-authenticate. It does not exist on MQTT 3.x, where packet type 15 is
 * reserved.
 */
public record AuthPacket(int reasonCode, MqttProperties properties) implements MqttPacket {

    public AuthPacket {
        FieldRanges.unsignedByte("reasonCode", reasonCode);
        Objects.requireNonNull(properties, "properties");
    }
}
