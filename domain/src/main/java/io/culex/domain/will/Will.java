package io.culex.domain.will;

import io.culex.domain.message.Message;
import io.culex.domain.message.MessageProperties;
import io.culex.domain.message.QoS;
import java.util.Objects;

/**
 * The last-will message a client registers at CONNECT. It is published when the
 * network connection ends without a DISCONNECT (or with MQTT 5's "disconnect with
 * will message") and never after a clean DISCONNECT. An MQTT 5 will can wait
 * {@code delaySeconds} first; it is then cancelled if the client reconnects to its
 * session, and sent at once if the session ends earlier.
 *
 * @param messageExpirySeconds the will message's Message Expiry Interval, or -1 for none
 */
public record Will(String topic, byte[] payload, QoS qos, boolean retain, MessageProperties properties,
                   long delaySeconds, long messageExpirySeconds) {

    public Will {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(properties, "properties");
    }

    /** An MQTT 3.x will: no properties, no delay. */
    public Will(String topic, byte[] payload, QoS qos, boolean retain) {
        this(topic, payload, qos, retain, MessageProperties.NONE, 0, -1);
    }

    public boolean isDelayed() {
        return delaySeconds > 0;
    }

    /** The message as published from {@code clientId} at {@code nowMillis} (monotonic clock). */
    public Message toMessage(String clientId, long nowMillis) {
        long expiresAt = messageExpirySeconds < 0 ? Message.NEVER : nowMillis + messageExpirySeconds * 1000;
        return new Message(topic, payload, qos, retain, properties, expiresAt, clientId);
    }

    /** The message without publisher or expiry (MQTT 3.x callers). */
    public Message toMessage() {
        return new Message(topic, payload, qos, retain);
    }
}
