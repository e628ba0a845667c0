package io.culex.application.bridge;

import io.culex.domain.message.QoS;

/** One filter of a SUBSCRIBE a bridge sends to its remote; the options are MQTT 5 only. */
public record RemoteSubscription(String filter, QoS qos, boolean noLocal, boolean retainAsPublished) {
}
