package io.culex.application.admin;

import io.culex.domain.message.QoS;

/** A message an administrator publishes. */
public record PublishCommand(String topic, byte[] payload, QoS qos, boolean retain) {
}
