package io.culex.adapters.netty.codec;

import java.util.ArrayList;
import java.util.List;

/** Parses the SUBSCRIBE body: packet id, then one or more (filter, requested QoS) pairs. */
final class SubscribeParser {

    private static final int QOS_MASK = 0x03;

    private SubscribeParser() {}

    static SubscribePacket parse(BodyReader body) {
        int packetId = body.readPacketId();
        List<TopicSubscription> subscriptions = new ArrayList<>();
        while (body.hasMore()) {
            String filter = body.readTopicFilter("topic filter");
            int options = body.readUnsignedByte("requested QoS");
            if ((options & ~QOS_MASK) != 0) {
                throw body.malformed("reserved bits of the requested QoS byte must be 0 [MQTT-3.8.3-4]");
            }
            if (options > FieldRanges.MAX_QOS) {
                throw body.malformed("requested QoS 3 is reserved [MQTT-3.8.3-4]");
            }
            subscriptions.add(new TopicSubscription(filter, options));
        }
        if (subscriptions.isEmpty()) {
            throw body.malformed("at least one topic filter is required [MQTT-3.8.3-3]");
        }
        return new SubscribePacket(packetId, subscriptions);
    }
}
