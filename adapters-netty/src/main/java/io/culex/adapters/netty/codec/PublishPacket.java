package io.culex.adapters.netty.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * PUBLISH. {@code packetId} is 0 for QoS 0 (and is not sent on the wire then).
 * The payload array is not copied: treat it as immutable.
 */
public record PublishPacket(String topic, byte[] payload, int qos, boolean retain, boolean dup, int packetId)
        implements MqttPacket {

    public PublishPacket {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        FieldRanges.qos(qos);
        FieldRanges.packetId(packetId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublishPacket that
                && qos == that.qos
                && retain == that.retain
                && dup == that.dup
                && packetId == that.packetId
                && topic.equals(that.topic)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(topic, qos, retain, dup, packetId) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "PublishPacket[topic=" + topic + ", payload=" + payload.length + " bytes, qos=" + qos
                + ", retain=" + retain + ", dup=" + dup + ", packetId=" + packetId + "]";
    }
}
