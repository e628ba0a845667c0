package io.culex.application.connection;

import io.culex.domain.message.QoS;
import io.culex.domain.topic.Subscription.RetainHandling;

/** One topic filter of a SUBSCRIBE with the QoS and (MQTT 5) options the client asked for. */
public record SubscriptionRequest(String filter, QoS requestedQos, boolean noLocal, boolean retainAsPublished,
                                  RetainHandling retainHandling) {

    /** An MQTT 3.x subscription. */
    public SubscriptionRequest(String filter, QoS requestedQos) {
        this(filter, requestedQos, false, false, RetainHandling.SEND_ON_SUBSCRIBE);
    }
}
