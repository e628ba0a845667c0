package io.culex.adapters.netty.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * The will message carried by a CONNECT, with its MQTT 5 will properties (always empty on 3.x).
 * The payload array is not copied: treat it as immutable.
 */
public record WillPacketPart(String topic, byte[] payload, int qos, boolean retain, MqttProperties properties) {

    public WillPacketPart {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        FieldRanges.qos(qos);
        Objects.requireNonNull(properties, "properties");
    }

    /** Without will properties, as MQTT 3.x sends it. */
    public WillPacketPart(String topic, byte[] payload, int qos, boolean retain) {
        this(topic, payload, qos, retain, MqttProperties.EMPTY);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WillPacketPart that
                && qos == that.qos
                && retain == that.retain
                && topic.equals(that.topic)
                && Arrays.equals(payload, that.payload)
                && properties.equals(that.properties);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(topic, qos, retain, properties) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "WillPacketPart[topic=" + topic + ", payload=" + payload.length + " bytes, qos=" + qos
                + ", retain=" + retain + (properties.isEmpty() ? "" : ", properties=" + properties) + "]";
    }
}
