package io.culex.adapters.netty.codec;

/** PUBACK. */
public record PubackPacket(int packetId) implements MqttPacket {

    public PubackPacket {
        FieldRanges.packetId(packetId);
    }
}
