package io.culex.adapters.netty.codec;

/** Parses the PUBLISH body; the flags were already checked with the fixed header. */
final class PublishParser {

    private PublishParser() {}

    static PublishPacket parse(int flags, BodyReader body) {
        int qos = PublishFlags.qos(flags);
        String topic = body.readTopicName("topic name");
        int packetId = qos > 0 ? body.readPacketId() : 0;
        byte[] payload = body.readRest();
        return new PublishPacket(topic, payload, qos, PublishFlags.retain(flags), PublishFlags.dup(flags), packetId);
    }
}
