package io.culex.adapters.netty.codec;

/** PUBREC. */
public record PubrecPacket(int packetId) implements MqttPacket {

    public PubrecPacket {
        FieldRanges.packetId(packetId);
    }
}
