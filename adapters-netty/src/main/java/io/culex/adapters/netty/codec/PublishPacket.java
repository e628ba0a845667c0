package io.culex.adapters.netty.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * PUBLISH. {@code packetId} is 0 for QoS 0 (and is not sent on the wire then).
 * The payload array is not copied: treat it as immutable.
 *
 * <p>On MQTT 5 {@code topic} may be empty when {@code properties} carry a Topic Alias: the decoder
 * accepts that and leaves resolving the alias to the broker. {@code properties} are sent on
 * MQTT 5 only.
 */
public record PublishPacket(String topic, byte[] payload, int qos, boolean retain, boolean dup, int packetId,
        MqttProperties properties) implements MqttPacket {

    public PublishPacket {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        FieldRanges.qos(qos);
        FieldRanges.packetId(packetId);
        Objects.requireNonNull(properties, "properties");
    }

    public PublishPacket(String topic, byte[] payload, int qos, boolean retain, boolean dup, int packetId) {
        this(topic, payload, qos, retain, dup, packetId, MqttProperties.EMPTY);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublishPacket that
                && qos == that.qos
                && retain == that.retain
                && dup == that.dup
                && packetId == that.packetId
                && topic.equals(that.topic)
                && Arrays.equals(payload, that.payload)
                && properties.equals(that.properties);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(topic, qos, retain, dup, packetId, properties) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "PublishPacket[topic=" + topic + ", payload=" + payload.length + " bytes, qos=" + qos
                + ", retain=" + retain + ", dup=" + dup + ", packetId=" + packetId
                + (properties.isEmpty() ? "" : ", properties=" + properties) + "]";
    }
}
