package io.culex.domain.message;

import java.util.Objects;

/**
 * An application message as the broker accepted it from a publisher (or a will).
 * The payload array is never modified after construction: it is shared by every
 * subscriber the message is fanned out to, so copying it per subscriber is avoided.
 *
 * @param expiresAt  when the message expires, on the broker's monotonic clock in milliseconds;
 *                   {@link #NEVER} when the publisher set no Message Expiry Interval
 * @param origin     client id of the publisher (for No Local), or null for the broker's own messages
 */
public record Message(String topic, byte[] payload, QoS qos, boolean retain, MessageProperties properties,
                      long expiresAt, String origin) {

    public static final long NEVER = Long.MAX_VALUE;

    public Message {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(properties, "properties");
    }

    /** A message without MQTT 5 properties and expiry, published by the broker itself. */
    public Message(String topic, byte[] payload, QoS qos, boolean retain) {
        this(topic, payload, qos, retain, MessageProperties.NONE, NEVER, null);
    }

    public Message withQos(QoS newQos) {
        return newQos == qos ? this : new Message(topic, payload, newQos, retain, properties, expiresAt, origin);
    }

    public boolean hasEmptyPayload() {
        return payload.length == 0;
    }

    public boolean expires() {
        return expiresAt != NEVER;
    }

    public boolean isExpiredAt(long nowMillis) {
        return expiresAt != NEVER && nowMillis >= expiresAt;
    }

    /** The Message Expiry Interval to forward: what is left of it, rounded up so it never reads 0 early. */
    public long remainingExpirySeconds(long nowMillis) {
        return Math.max(0, (expiresAt - nowMillis + 999) / 1000);
    }

    @Override
    public String toString() {
        return "Message[topic=" + topic + ", qos=" + qos.value() + ", retain=" + retain
                + ", payload=" + payload.length + " bytes]";
    }
}
