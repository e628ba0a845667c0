package io.culex.domain.persistence;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import java.util.Arrays;
import java.util.Objects;

/**
 * An application message as stored.
 *
 * @param expiresAtEpochMillis wall-clock expiry, {@link #NEVER} for none
 * @param origin               the publisher's client id, or null
 */
public record StoredMessage(String topic, byte[] payload, QoS qos, boolean retain, MessageProperties properties,
                            long expiresAtEpochMillis, String origin) {

    public static final long NEVER = Long.MAX_VALUE;

    public StoredMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(properties, "properties");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredMessage that
                && retain == that.retain
                && expiresAtEpochMillis == that.expiresAtEpochMillis
                && topic.equals(that.topic)
                && Arrays.equals(payload, that.payload)
                && qos == that.qos
                && properties.equals(that.properties)
                && Objects.equals(origin, that.origin);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(topic, qos, retain, properties, expiresAtEpochMillis, origin) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "StoredMessage[topic=" + topic + ", qos=" + qos.value() + ", retain=" + retain + ", payload="
                + payload.length + " bytes]";
    }
}
