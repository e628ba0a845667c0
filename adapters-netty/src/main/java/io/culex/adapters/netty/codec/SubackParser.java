package io.culex.adapters.netty.codec;

import java.util.ArrayList;
import java.util.List;

/** Parses the SUBACK body: packet id, MQTT 5 properties, then one return code per requested filter. */
final class SubackParser {

    private SubackParser() {}

    static SubackPacket parse(BodyReader body, int protocolLevel) {
        int packetId = body.readPacketId();
        boolean mqtt5 = protocolLevel == MqttCodec.MQTT_5;
        MqttProperties properties = mqtt5 ? PropertiesParser.parse(body, PropertyScope.SUBACK) : MqttProperties.EMPTY;
        List<Integer> returnCodes = new ArrayList<>();
        while (body.hasMore()) {
            int code = body.readUnsignedByte("return code");
            if (mqtt5 && !ReasonCodes.isValid(PacketType.SUBACK, code)) {
                throw body.protocolError("reason code " + ReasonCodes.hex(code) + " is not a SUBACK reason code");
            }
            if (!mqtt5 && !FieldRanges.isDefinedSubackCode(code)) {
                throw body.malformed("return code 0x" + Integer.toHexString(code) + " is reserved");
            }
            returnCodes.add(code);
        }
        if (returnCodes.isEmpty()) {
            throw body.malformed("at least one return code is required");
        }
        return new SubackPacket(packetId, returnCodes, properties);
    }
}
