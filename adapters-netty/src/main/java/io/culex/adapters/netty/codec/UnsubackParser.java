package io.culex.adapters.netty.codec;

import java.util.ArrayList;
import java.util.List;

/** Parses the UNSUBACK body: packet id, then on MQTT 5 properties and one reason code per filter. */
final class UnsubackParser {

    private UnsubackParser() {}

    static UnsubackPacket parse(BodyReader body, int protocolLevel) {
        int packetId = body.readPacketId();
        if (protocolLevel != MqttCodec.MQTT_5) {
            return new UnsubackPacket(packetId);
        }
        MqttProperties properties = PropertiesParser.parse(body, PropertyScope.UNSUBACK);
        List<Integer> reasonCodes = new ArrayList<>();
        while (body.hasMore()) {
            int code = body.readUnsignedByte("reason code");
            if (!ReasonCodes.isValid(PacketType.UNSUBACK, code)) {
                throw body.protocolError("reason code " + ReasonCodes.hex(code) + " is not an UNSUBACK reason code");
            }
            reasonCodes.add(code);
        }
        if (reasonCodes.isEmpty()) {
            throw body.malformed("at least one reason code is required");
        }
        return new UnsubackPacket(packetId, reasonCodes, properties);
    }
}
