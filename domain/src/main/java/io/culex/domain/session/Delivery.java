package io.culex.domain.session;

import io.culex.domain.message.Message;
import io.culex.domain.message.QoS;
import java.util.List;

/**
 * A message on its way to one subscriber: the delivery QoS is already
 * min(published, granted) and {@code retainFlag} is what the subscriber sees
 * (set for retained messages sent on subscribe; on live forwarding cleared unless
 * the subscription asked for Retain As Published).
 *
 * @param subscriptionIds the Subscription Identifiers of every subscription of the
 *                        subscriber that matched, in no particular order
 * @param sharedFilter    the {@code $share/...} filter this delivery was picked for, or null:
 *                        such a delivery may be handed to another member of the group
 */
public record Delivery(Message message, QoS qos, boolean retainFlag, List<Integer> subscriptionIds,
                       String sharedFilter) {

    public Delivery {
        subscriptionIds = List.copyOf(subscriptionIds);
    }

    public Delivery(Message message, QoS qos, boolean retainFlag) {
        this(message, qos, retainFlag, List.of(), null);
    }

    public static Delivery live(Message message, QoS granted) {
        return new Delivery(message, message.qos().min(granted), false);
    }

    public static Delivery retainedOnSubscribe(Message message, QoS granted) {
        return new Delivery(message, message.qos().min(granted), true);
    }

    public boolean isShared() {
        return sharedFilter != null;
    }

    /** Size the delivery counts against a queue's byte limit. */
    public int sizeInBytes() {
        return message.payload().length + message.topic().length();
    }
}
