package io.culex.adapters.netty.client;

import io.culex.adapters.netty.codec.MqttProperties;
import java.util.Objects;

/**
 * A PUBLISH the broker delivered. {@code packetId} is 0 at QoS 0. The payload array is handed over
 * uncopied and must be treated as immutable. On MQTT 5 {@code topic} is resolved from a Topic
 * Alias when the broker sent one, and {@code properties} are the PUBLISH's properties as sent
 * (Topic Alias included); on 3.x they are empty.
 */
public record ReceivedMessage(String topic, byte[] payload, int qos, boolean retain, boolean dup, int packetId,
        MqttProperties properties) {

    public ReceivedMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(properties, "properties");
    }

    /** Without properties, as MQTT 3.x delivers it. */
    public ReceivedMessage(String topic, byte[] payload, int qos, boolean retain, boolean dup, int packetId) {
        this(topic, payload, qos, retain, dup, packetId, MqttProperties.EMPTY);
    }
}
