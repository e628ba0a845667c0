package io.culex.adapters.netty.codec;

/**
 * Parses PUBACK, PUBREC, PUBREL and PUBCOMP, which share a layout: the packet id, then on MQTT 5
 * a reason code and properties that may be left out from the end (remaining length 2: success
 * without properties; 3: no properties).
 */
final class PublishAckParser {

    private PublishAckParser() {}

    static MqttPacket parse(PacketType type, BodyReader body, int protocolLevel) {
        int packetId = body.readPacketId();
        int reasonCode = ReasonCodes.SUCCESS;
        MqttProperties properties = MqttProperties.EMPTY;
        if (protocolLevel == MqttCodec.MQTT_5 && body.hasMore()) {
            reasonCode = body.readUnsignedByte("reason code");
            if (!ReasonCodes.isValid(type, reasonCode)) {
                throw body.protocolError("reason code " + ReasonCodes.hex(reasonCode) + " is not a " + type + " reason code");
            }
            if (body.hasMore()) {
                properties = PropertiesParser.parse(body, PropertyScope.of(type));
            }
        }
        switch (type) {
            case PUBACK:
                return new PubackPacket(packetId, reasonCode, properties);
            case PUBREC:
                return new PubrecPacket(packetId, reasonCode, properties);
            case PUBREL:
                return new PubrelPacket(packetId, reasonCode, properties);
            case PUBCOMP:
                return new PubcompPacket(packetId, reasonCode, properties);
            default:
                throw new IllegalArgumentException(type + " is not a publish acknowledgement");
        }
    }
}
