package io.culex.adapters.netty.codec;

import java.util.Objects;

/**
 * One filter of a SUBSCRIBE with its requested QoS. The filter is not checked for misplaced
 * wildcards here: the broker answers SUBACK 0x80 for such a filter instead of dropping the client.
 */
public record TopicSubscription(String filter, int qos) {

    public TopicSubscription {
        Objects.requireNonNull(filter, "filter");
        FieldRanges.qos(qos);
    }
}
