package io.culex.adapters.netty.codec;

/** CONNACK. {@code sessionPresent} is always false on MQTT 3.1, which has no such flag. */
public record ConnackPacket(boolean sessionPresent, int returnCode) implements MqttPacket {

    public ConnackPacket {
        FieldRanges.unsignedByte("returnCode", returnCode);
    }
}
