package io.culex.adapters.netty.codec;

/**
 * Parses the MQTT 5 bodies made of nothing but an optional reason code and optional properties,
 * each omittable from the end: DISCONNECT and AUTH (remaining length 0: success without
 * properties; 1: no properties).
 */
final class ReasonAndPropertiesParser {

    private ReasonAndPropertiesParser() {}

    /** On 3.x DISCONNECT has no body, so any byte is left over and the packet is malformed. */
    static DisconnectPacket disconnect(BodyReader body, int protocolLevel) {
        if (protocolLevel != MqttCodec.MQTT_5 || !body.hasMore()) {
            return DisconnectPacket.INSTANCE;
        }
        int reasonCode = reasonCode(body, PacketType.DISCONNECT);
        MqttProperties properties = properties(body, PropertyScope.DISCONNECT);
        return reasonCode == ReasonCodes.SUCCESS && properties.isEmpty()
                ? DisconnectPacket.INSTANCE : new DisconnectPacket(reasonCode, properties);
    }

    static AuthPacket auth(BodyReader body) {
        if (!body.hasMore()) {
            return new AuthPacket(ReasonCodes.SUCCESS, MqttProperties.EMPTY);
        }
        int reasonCode = reasonCode(body, PacketType.AUTH);
        return new AuthPacket(reasonCode, properties(body, PropertyScope.AUTH));
    }

    private static int reasonCode(BodyReader body, PacketType type) {
        int code = body.readUnsignedByte("reason code");
        if (!ReasonCodes.isValid(type, code)) {
            throw body.protocolError("reason code " + ReasonCodes.hex(code) + " is not a " + type + " reason code");
        }
        return code;
    }

    private static MqttProperties properties(BodyReader body, PropertyScope scope) {
        return body.hasMore() ? PropertiesParser.parse(body, scope) : MqttProperties.EMPTY;
    }
}
