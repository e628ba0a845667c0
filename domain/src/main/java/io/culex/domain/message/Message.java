package io.culex.domain.message;

import java.util.Objects;

/**
 * An application message as the broker accepted it from a publisher (or a will).
 * The payload array is never modified after construction: it is shared by every
 * subscriber the message is fanned out to, so copying it per subscriber is avoided.
 */
public record Message(String topic, byte[] payload, QoS qos, boolean retain) {

    public Message {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
    }

    public Message withQos(QoS newQos) {
        return newQos == qos ? this : new Message(topic, payload, newQos, retain);
    }

    public boolean hasEmptyPayload() {
        return payload.length == 0;
    }

    @Override
    public String toString() {
        return "Message[topic=" + topic + ", qos=" + qos.value() + ", retain=" + retain
                + ", payload=" + payload.length + " bytes]";
    }
}
