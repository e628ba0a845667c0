package io.culex.adapters.netty.client;

import java.util.Objects;

/**
 * A PUBLISH the broker delivered. {@code packetId} is 0 at QoS 0. The payload array is handed over
 * uncopied and must be treated as immutable.
 */
public record ReceivedMessage(String topic, byte[] payload, int qos, boolean retain, boolean dup, int packetId) {

    public ReceivedMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }
}
