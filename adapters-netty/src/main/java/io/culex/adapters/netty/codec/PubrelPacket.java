package io.culex.adapters.netty.codec;

/** PUBREL. */
public record PubrelPacket(int packetId) implements MqttPacket {

    public PubrelPacket {
        FieldRanges.packetId(packetId);
    }
}
