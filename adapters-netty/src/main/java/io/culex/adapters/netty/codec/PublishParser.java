package io.culex.adapters.netty.codec;

/** Parses the PUBLISH body; the flags were already checked with the fixed header. */
final class PublishParser {

    private PublishParser() {}

    static PublishPacket parse(int flags, BodyReader body, int protocolLevel) {
        int qos = PublishFlags.qos(flags);
        boolean retain = PublishFlags.retain(flags);
        boolean dup = PublishFlags.dup(flags);
        if (protocolLevel != MqttCodec.MQTT_5) {
            String topic = body.readTopicName("topic name");
            int packetId = qos > 0 ? body.readPacketId() : 0;
            return new PublishPacket(topic, body.readRest(), qos, retain, dup, packetId);
        }
        String topic = body.readPossiblyEmptyTopicName("topic name");
        int packetId = qos > 0 ? body.readPacketId() : 0;
        MqttProperties properties = PropertiesParser.parse(body, PropertyScope.PUBLISH);
        if (topic.isEmpty() && properties.topicAlias() == null) {
            throw body.protocolError("topic name must not be empty without a Topic Alias");
        }
        return new PublishPacket(topic, body.readRest(), qos, retain, dup, packetId, properties);
    }
}
