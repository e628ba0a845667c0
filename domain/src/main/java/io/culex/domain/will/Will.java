package io.culex.domain.will;

import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import java.util.Objects;

/**
 * The last-will message a client registers at CONNECT. It is published when the
 * network connection ends without a DISCONNECT and never after a clean DISCONNECT.
 */
public record Will(String topic, byte[] payload, QoS qos, boolean retain) {

    public Will {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
    }

    public Message toMessage() {
        return new Message(topic, payload, qos, retain);
    }
}
