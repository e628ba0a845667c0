package io.culex.domain.persistence;

import io.culex.domain.message.QoS;
import java.util.List;
import java.util.Objects;

/** A message on its way to one subscriber, as stored: the delivery QoS, RETAIN flag and subscription ids. */
public record StoredDelivery(StoredMessage message, QoS qos, boolean retainFlag, List<Integer> subscriptionIds) {

    public StoredDelivery {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(qos, "qos");
        subscriptionIds = List.copyOf(subscriptionIds);
    }
}
