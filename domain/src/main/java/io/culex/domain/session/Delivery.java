package io.culex.domain.session;

import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;

/**
 * A message on its way to one subscriber: the delivery QoS is already
 * min(published, granted) and {@code retainFlag} is what the subscriber sees
 * (set for retained messages sent on subscribe, cleared on live forwarding).
 */
public record Delivery(Message message, QoS qos, boolean retainFlag) {

    public static Delivery live(Message message, QoS granted) {
        return new Delivery(message, message.qos().min(granted), false);
    }

    public static Delivery retainedOnSubscribe(Message message, QoS granted) {
        return new Delivery(message, message.qos().min(granted), true);
    }

    /** Size the delivery counts against a queue's byte limit. */
    public int sizeInBytes() {
        return message.payload().length + message.topic().length();
    }
}
