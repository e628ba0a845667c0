package io.culex.adapters.netty.codec;

/** PUBCOMP. */
public record PubcompPacket(int packetId) implements MqttPacket {

    public PubcompPacket {
        FieldRanges.packetId(packetId);
    }
}
