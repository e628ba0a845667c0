package io.culex.application.bridge;

import io.culex.domain.message.QoS;

/** The will a bridge leaves with the remote broker (its notification topic set to "0"). */
public record RemoteWill(String topic, byte[] payload, QoS qos, boolean retain) {
}
