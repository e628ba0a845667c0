package io.culex.adapters.netty.codec;

/** UNSUBACK. */
public record UnsubackPacket(int packetId) implements MqttPacket {

    public UnsubackPacket {
        FieldRanges.packetId(packetId);
    }
}
