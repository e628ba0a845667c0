package io.culex.application.connection;

import io.culex.domain.message.QoS;

/** A decoded PUBLISH from a client; {@code packetId} is 0 for QoS 0. */
public record PublishRequest(String topic, byte[] payload, QoS qos, boolean retain, boolean dup, int packetId) {
}
