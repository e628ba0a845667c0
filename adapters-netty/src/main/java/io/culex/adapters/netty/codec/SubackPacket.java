package io.culex.adapters.netty.codec;

import java.util.List;
import java.util.Objects;

/**
 * SUBACK: one return code per requested filter. MQTT 3.x knows 0x00-0x02 and 0x80; MQTT 5 adds
 * more failure codes, which the encoder writes as 0x80 on a 3.x connection. The list is copied.
 * {@code properties} are sent on MQTT 5 only.
 */
public record SubackPacket(int packetId, List<Integer> returnCodes, MqttProperties properties) implements MqttPacket {

    public SubackPacket {
        FieldRanges.packetId(packetId);
        returnCodes = List.copyOf(returnCodes);
        for (int code : returnCodes) {
            FieldRanges.unsignedByte("returnCode", code);
        }
        Objects.requireNonNull(properties, "properties");
    }

    public SubackPacket(int packetId, List<Integer> returnCodes) {
        this(packetId, returnCodes, MqttProperties.EMPTY);
    }
}
