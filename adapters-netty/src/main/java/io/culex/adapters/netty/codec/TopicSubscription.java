package io.culex.adapters.netty.codec;

import java.util.Objects;

/**
 * One filter of a SUBSCRIBE with its subscription options: the requested QoS and, on MQTT 5 only,
 * No Local, Retain As Published and Retain Handling (0 send retained messages on subscribe, 1 only
 * if the subscription is new, 2 never). The filter is not checked for misplaced wildcards here:
 * the broker answers SUBACK 0x80 (0x8F on MQTT 5) instead of dropping the client.
 */
public record TopicSubscription(String filter, int qos, boolean noLocal, boolean retainAsPublished, int retainHandling) {

    static final int MAX_RETAIN_HANDLING = 2;

    public TopicSubscription {
        Objects.requireNonNull(filter, "filter");
        FieldRanges.qos(qos);
        if (retainHandling < 0 || retainHandling > MAX_RETAIN_HANDLING) {
            throw new IllegalArgumentException("retainHandling must be in [0, 2] but was " + retainHandling);
        }
    }

    /** With MQTT 3.x's only option, the QoS; the others at their defaults. */
    public TopicSubscription(String filter, int qos) {
        this(filter, qos, false, false, 0);
    }
}
