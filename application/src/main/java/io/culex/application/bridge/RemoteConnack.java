package io.culex.application.bridge;

import io.culex.domain.message.QoS;

/**
 * What the remote broker's successful CONNACK said.
 *
 * @param receiveMaximum    how many QoS 1/2 PUBLISHes the remote accepts unacknowledged (65,535 for 3.x)
 * @param maximumPacketSize the remote's limit, 0 for none
 * @param maximumQoS        QoS 2 unless an MQTT 5 remote says less
 * @param retainAvailable   false if an MQTT 5 remote does not support retained messages
 */
public record RemoteConnack(boolean sessionPresent, int receiveMaximum, long maximumPacketSize, QoS maximumQoS,
                            boolean retainAvailable) {
}
