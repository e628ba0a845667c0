package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.EncoderException;

/** PUBLISH: topic, packet id at QoS 1 and 2, MQTT 5 properties, payload. */
final class PublishLayout implements PacketLayout {

    private final PublishPacket packet;
    private final int topicLength;
    /** Null on 3.x. */
    private final PropertiesLayout properties;
    private final int remainingLength;

    PublishLayout(PublishPacket packet, boolean mqtt5) {
        if (packet.qos() == 0 && packet.dup()) {
            throw new EncoderException("PUBLISH: DUP must be 0 for QoS 0 [MQTT-3.3.1-2]");
        }
        if (packet.qos() > 0) {
            WireFields.requirePacketId(packet.packetId(), PacketType.PUBLISH);
        }
        if (packet.topic().isEmpty() && !(mqtt5 && packet.properties().topicAlias() != null)) {
            throw new EncoderException("PUBLISH: an empty topic name needs an MQTT 5 Topic Alias");
        }
        this.packet = packet;
        topicLength = WireFields.utf8Length(packet.topic(), "topic name");
        properties = mqtt5 ? PropertiesLayout.of(packet.properties(), PropertyScope.PUBLISH) : null;
        remainingLength = WireFields.stringSize(topicLength)
                + (packet.qos() > 0 ? WireFields.PACKET_ID_BYTES : 0)
                + (properties == null ? 0 : properties.size())
                + packet.payload().length;
    }

    @Override
    public int firstByte() {
        return PacketType.PUBLISH.code() << 4 | PublishFlags.encode(packet.qos(), packet.dup(), packet.retain());
    }

    @Override
    public int remainingLength() {
        return remainingLength;
    }

    @Override
    public void writeBody(ByteBuf out) {
        WireFields.writeString(out, packet.topic(), topicLength);
        if (packet.qos() > 0) {
            out.writeShort(packet.packetId());
        }
        if (properties != null) {
            properties.writeTo(out);
        }
        out.writeBytes(packet.payload());
    }
}
