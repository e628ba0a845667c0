package io.culex.adapters.netty.client;

import io.culex.adapters.netty.codec.MqttProperties;
import java.util.Objects;

/**
 * The will the broker publishes if the client goes away without DISCONNECT. The payload is not
 * copied. {@code properties} are the MQTT 5 will properties (will delay, message expiry, ...):
 * empty on MQTT 3.x.
 */
public record ClientWill(String topic, byte[] payload, int qos, boolean retain, MqttProperties properties) {

    public ClientWill {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("will QoS must be 0, 1 or 2 but was " + qos);
        }
        Objects.requireNonNull(properties, "properties");
    }

    /** Without will properties. */
    public ClientWill(String topic, byte[] payload, int qos, boolean retain) {
        this(topic, payload, qos, retain, MqttProperties.EMPTY);
    }
}
