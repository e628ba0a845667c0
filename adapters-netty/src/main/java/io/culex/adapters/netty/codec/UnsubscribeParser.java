package io.culex.adapters.netty.codec;

import java.util.ArrayList;
import java.util.List;

/** Parses the UNSUBSCRIBE body: packet id, then one or more topic filters. */
final class UnsubscribeParser {

    private UnsubscribeParser() {}

    static UnsubscribePacket parse(BodyReader body) {
        int packetId = body.readPacketId();
        List<String> filters = new ArrayList<>();
        while (body.hasMore()) {
            filters.add(body.readTopicFilter("topic filter"));
        }
        if (filters.isEmpty()) {
            throw body.malformed("at least one topic filter is required [MQTT-3.10.3-2]");
        }
        return new UnsubscribePacket(packetId, filters);
    }
}
