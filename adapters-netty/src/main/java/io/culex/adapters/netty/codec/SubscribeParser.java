package io.culex.adapters.netty.codec;

import java.util.ArrayList;
import java.util.List;

/** Parses the SUBSCRIBE body: packet id, MQTT 5 properties, then one or more (filter, options) pairs. */
final class SubscribeParser {

    private SubscribeParser() {}

    static SubscribePacket parse(BodyReader body, int protocolLevel) {
        int packetId = body.readPacketId();
        boolean mqtt5 = protocolLevel == MqttCodec.MQTT_5;
        MqttProperties properties = mqtt5 ? PropertiesParser.parse(body, PropertyScope.SUBSCRIBE) : MqttProperties.EMPTY;
        List<TopicSubscription> subscriptions = new ArrayList<>();
        while (body.hasMore()) {
            String filter = body.readTopicFilter("topic filter");
            int options = body.readUnsignedByte(mqtt5 ? "subscription options" : "requested QoS");
            subscriptions.add(mqtt5 ? SubscriptionOptions.parse5(filter, options, body)
                    : SubscriptionOptions.parse3x(filter, options, body));
        }
        if (subscriptions.isEmpty()) {
            throw body.protocolError("at least one topic filter is required [MQTT-3.8.3-3]");
        }
        return new SubscribePacket(packetId, subscriptions, properties);
    }
}
