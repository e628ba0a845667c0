package io.culex.domain.topic;

import io.culex.domain.message.QoS;
import java.util.Objects;

/**
 * One subscription of a session with its options (MQTT 5, 3.8.3.1; MQTT 3.x subscriptions
 * use the defaults).
 *
 * @param filter            as the client sent it, including a {@code $share/<group>/} prefix
 * @param maxQos            the granted QoS: deliveries are downgraded to it
 * @param noLocal           do not deliver the client's own publications
 * @param retainAsPublished keep the RETAIN flag on live deliveries instead of clearing it
 * @param identifier        the Subscription Identifier, 0 for none
 */
public record Subscription(String filter, QoS maxQos, boolean noLocal, boolean retainAsPublished,
                           RetainHandling retainHandling, int identifier) {

    /** When retained messages are sent in answer to a SUBSCRIBE. */
    public enum RetainHandling {
        SEND_ON_SUBSCRIBE, SEND_IF_NEW_SUBSCRIPTION, DO_NOT_SEND;

        public static RetainHandling of(int value) {
            if (value < 0 || value >= values().length) {
                throw new IllegalArgumentException("retain handling must be 0, 1 or 2, got " + value);
            }
            return values()[value];
        }
    }

    public Subscription {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(maxQos, "maxQos");
        Objects.requireNonNull(retainHandling, "retainHandling");
        if (identifier < 0) {
            throw new IllegalArgumentException("subscription identifier must not be negative");
        }
    }

    /** An MQTT 3.x subscription: only a filter and a QoS. */
    public static Subscription of(String filter, QoS maxQos) {
        return new Subscription(filter, maxQos, false, false, RetainHandling.SEND_ON_SUBSCRIBE, 0);
    }

    public boolean isShared() {
        return SharedFilter.isShared(filter);
    }

    public boolean hasIdentifier() {
        return identifier != 0;
    }
}
