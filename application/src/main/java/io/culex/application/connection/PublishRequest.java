package io.culex.application.connection;

import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;

/**
 * A decoded PUBLISH from a client; {@code packetId} is 0 for QoS 0.
 *
 * @param topic                "" when an MQTT 5 client sends only a topic alias
 * @param messageExpirySeconds the Message Expiry Interval, or -1 if absent
 * @param topicAlias           the MQTT 5 Topic Alias, or -1 if absent (0 is a protocol error)
 */
public record PublishRequest(String topic, byte[] payload, QoS qos, boolean retain, boolean dup, int packetId,
                             MessageProperties properties, long messageExpirySeconds, int topicAlias) {

    public static final int NO_ALIAS = -1;

    /** An MQTT 3.x PUBLISH. */
    public PublishRequest(String topic, byte[] payload, QoS qos, boolean retain, boolean dup, int packetId) {
        this(topic, payload, qos, retain, dup, packetId, MessageProperties.NONE, -1, NO_ALIAS);
    }

    public PublishRequest withTopic(String resolvedTopic) {
        return new PublishRequest(resolvedTopic, payload, qos, retain, dup, packetId, properties,
                messageExpirySeconds, topicAlias);
    }
}
