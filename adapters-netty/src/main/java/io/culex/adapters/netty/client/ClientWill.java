package io.culex.adapters.netty.client;

import java.util.Objects;

/** The will the broker publishes if the client goes away without DISCONNECT. The payload is not copied. */
public record ClientWill(String topic, byte[] payload, int qos, boolean retain) {

    public ClientWill {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("will QoS must be 0, 1 or 2 but was " + qos);
        }
    }
}
