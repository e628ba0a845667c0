package io.culex.adapters.netty.codec;

/** Parses the CONNACK body: acknowledge flags, return (MQTT 5: reason) code, MQTT 5 properties. */
final class ConnackParser {

    /** The only defined acknowledge flag; the writer uses it too. */
    static final int SESSION_PRESENT = 0x01;

    private ConnackParser() {}

    static ConnackPacket parse(BodyReader body, int protocolLevel) {
        int ackFlags = body.readUnsignedByte("acknowledge flags");
        if ((ackFlags & ~SESSION_PRESENT) != 0) {
            throw body.malformed("reserved acknowledge flags must be 0 [MQTT-3.2.2-1]");
        }
        boolean sessionPresent = (ackFlags & SESSION_PRESENT) != 0;
        if (protocolLevel != MqttCodec.MQTT_5) {
            return new ConnackPacket(sessionPresent, body.readUnsignedByte("return code"));
        }
        int reasonCode = body.readUnsignedByte("reason code");
        if (!ReasonCodes.isValid(PacketType.CONNACK, reasonCode)) {
            throw body.protocolError("reason code " + ReasonCodes.hex(reasonCode) + " is not a CONNACK reason code");
        }
        return new ConnackPacket(sessionPresent, reasonCode, PropertiesParser.parse(body, PropertyScope.CONNACK));
    }
}
