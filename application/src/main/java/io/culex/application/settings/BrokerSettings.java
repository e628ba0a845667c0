package io.culex.application.settings;

import io.culex.domain.session.SessionLimits;
import java.util.Objects;

/**
 * The protocol-level settings the use cases need, independent of how they were
 * configured (bootstrap maps mosquitto.conf onto this).
 *
 * @param maxKeepaliveSeconds  caps a client's keepalive (max_keepalive)
 * @param messageSizeLimit     largest accepted PUBLISH payload in bytes (message_size_limit)
 */
public record BrokerSettings(boolean allowZeroLengthClientId, String autoIdPrefix, int maxKeepaliveSeconds,
                             int messageSizeLimit, SessionLimits sessionLimits) {

    /** MQTT's largest possible remaining length, and so the largest payload. */
    public static final int MQTT_MAX_PAYLOAD = 268_435_455;

    public BrokerSettings {
        Objects.requireNonNull(autoIdPrefix, "autoIdPrefix");
        Objects.requireNonNull(sessionLimits, "sessionLimits");
    }

    /** Mosquitto 2.0's defaults. */
    public static BrokerSettings defaults() {
        return new BrokerSettings(true, "auto-", 65_535, MQTT_MAX_PAYLOAD, SessionLimits.defaults());
    }
}
