package io.culex.adapters.netty.codec;

/**
 * The byte after each SUBSCRIBE filter, shared by parser and writer. MQTT 3.x defines only the
 * requested QoS in bits 0-1; MQTT 5 adds No Local (bit 2), Retain As Published (bit 3) and Retain
 * Handling (bits 4-5). The remaining bits are reserved.
 */
final class SubscriptionOptions {

    private static final int QOS_MASK = 0x03;
    private static final int NO_LOCAL = 0x04;
    private static final int RETAIN_AS_PUBLISHED = 0x08;
    private static final int RETAIN_HANDLING_SHIFT = 4;
    private static final int RETAIN_HANDLING_MASK = 0x30;
    private static final int RESERVED_3X = ~QOS_MASK & 0xFF;
    private static final int RESERVED_5 = 0xC0;

    private SubscriptionOptions() {}

    /** MQTT 3.x: QoS 3 and any other bit set are malformed [MQTT-3.8.3-4]. */
    static TopicSubscription parse3x(String filter, int options, BodyReader body) {
        if ((options & RESERVED_3X) != 0) {
            throw body.malformed("reserved bits of the requested QoS byte must be 0 [MQTT-3.8.3-4]");
        }
        if (options > FieldRanges.MAX_QOS) {
            throw body.malformed("requested QoS 3 is reserved [MQTT-3.8.3-4]");
        }
        return new TopicSubscription(filter, options);
    }

    /**
     * MQTT 5: reserved bits set are malformed [MQTT-3.8.3-5]; a Maximum QoS or Retain Handling of 3
     * is a Protocol Error (spec 3.8.3.1).
     */
    static TopicSubscription parse5(String filter, int options, BodyReader body) {
        if ((options & RESERVED_5) != 0) {
            throw body.malformed("reserved bits of the subscription options must be 0 [MQTT-3.8.3-5]");
        }
        int qos = options & QOS_MASK;
        if (qos > FieldRanges.MAX_QOS) {
            throw body.protocolError("maximum QoS 3 is not allowed in the subscription options");
        }
        int retainHandling = (options & RETAIN_HANDLING_MASK) >> RETAIN_HANDLING_SHIFT;
        if (retainHandling > TopicSubscription.MAX_RETAIN_HANDLING) {
            throw body.protocolError("retain handling 3 is not allowed in the subscription options");
        }
        return new TopicSubscription(filter, qos, (options & NO_LOCAL) != 0, (options & RETAIN_AS_PUBLISHED) != 0,
                retainHandling);
    }

    /** The options byte; on 3.x only the QoS, since the other bits are reserved there. */
    static int encode(TopicSubscription subscription, boolean mqtt5) {
        if (!mqtt5) {
            return subscription.qos();
        }
        return subscription.qos()
                | (subscription.noLocal() ? NO_LOCAL : 0)
                | (subscription.retainAsPublished() ? RETAIN_AS_PUBLISHED : 0)
                | subscription.retainHandling() << RETAIN_HANDLING_SHIFT;
    }
}
