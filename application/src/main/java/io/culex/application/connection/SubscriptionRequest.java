package io.culex.application.connection;

import io.culex.domain.message.QoS;

/** One topic filter of a SUBSCRIBE with the QoS the client asked for. */
public record SubscriptionRequest(String filter, QoS requestedQos) {
}
