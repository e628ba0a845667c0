package io.culex.adapters.netty.codec;

import java.util.ArrayList;
import java.util.List;

/** Parses the UNSUBSCRIBE body: packet id, MQTT 5 properties, then one or more topic filters. */
final class UnsubscribeParser {

    private UnsubscribeParser() {}

    static UnsubscribePacket parse(BodyReader body, int protocolLevel) {
        int packetId = body.readPacketId();
        MqttProperties properties = protocolLevel == MqttCodec.MQTT_5
                ? PropertiesParser.parse(body, PropertyScope.UNSUBSCRIBE) : MqttProperties.EMPTY;
        List<String> filters = new ArrayList<>();
        while (body.hasMore()) {
            filters.add(body.readTopicFilter("topic filter"));
        }
        if (filters.isEmpty()) {
            throw body.protocolError("at least one topic filter is required [MQTT-3.10.3-2]");
        }
        return new UnsubscribePacket(packetId, filters, properties);
    }
}
