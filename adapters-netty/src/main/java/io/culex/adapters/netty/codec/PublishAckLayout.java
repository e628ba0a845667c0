package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.EncoderException;

/**
 * PUBACK, PUBREC, PUBREL and PUBCOMP: the packet id, then on MQTT 5 the reason code and
 * properties in the shortest form the spec allows (3.4.2.1): nothing more for success without
 * properties, the code alone without properties.
 */
final class PublishAckLayout implements PacketLayout {

    private final PacketType type;
    private final int packetId;
    private final int reasonCode;
    /** Null when the reason code is not sent; else the properties, possibly without any. */
    private final PropertiesLayout properties;
    private final boolean sendsReasonCode;

    PublishAckLayout(PacketType type, int packetId, int reasonCode, MqttProperties properties, boolean mqtt5) {
        WireFields.requirePacketId(packetId, type);
        if (mqtt5 && !ReasonCodes.isValid(type, reasonCode)) {
            throw new EncoderException(type + ": " + ReasonCodes.hex(reasonCode) + " is not a " + type + " reason code");
        }
        this.type = type;
        this.packetId = packetId;
        this.reasonCode = reasonCode;
        this.sendsReasonCode = mqtt5 && (reasonCode != ReasonCodes.SUCCESS || !properties.isEmpty());
        this.properties = mqtt5 && !properties.isEmpty() ? PropertiesLayout.of(properties, PropertyScope.of(type)) : null;
    }

    @Override
    public int firstByte() {
        return type.firstByte();
    }

    @Override
    public int remainingLength() {
        return WireFields.PACKET_ID_BYTES + (sendsReasonCode ? 1 : 0) + (properties == null ? 0 : properties.size());
    }

    @Override
    public void writeBody(ByteBuf out) {
        out.writeShort(packetId);
        if (sendsReasonCode) {
            out.writeByte(reasonCode);
        }
        if (properties != null) {
            properties.writeTo(out);
        }
    }
}
