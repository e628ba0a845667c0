package io.culex.adapters.netty.codec;

import java.util.Arrays;
import java.util.Objects;

/** The will message carried by a CONNECT. The payload array is not copied: treat it as immutable. */
public record WillPacketPart(String topic, byte[] payload, int qos, boolean retain) {

    public WillPacketPart {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        FieldRanges.qos(qos);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WillPacketPart that
                && qos == that.qos
                && retain == that.retain
                && topic.equals(that.topic)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(topic, qos, retain) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "WillPacketPart[topic=" + topic + ", payload=" + payload.length + " bytes, qos=" + qos
                + ", retain=" + retain + "]";
    }
}
