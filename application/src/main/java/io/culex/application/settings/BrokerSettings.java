package io.culex.application.settings;

import io.culex.domain.session.SessionLimits;
import java.util.Objects;

/**
 * The protocol-level settings the use cases need, independent of how they were
 * configured (bootstrap maps mosquitto.conf onto this).
 *
 * @param maxKeepaliveSeconds  caps a client's keepalive (max_keepalive)
 * @param messageSizeLimit     largest accepted PUBLISH payload in bytes (message_size_limit)
 * @param clientIdPrefix       clientid_prefixes: one prefix every client id must start with, "" for none
 *                             (Mosquitto 2.0 takes the whole value as one prefix, not a list)
 * @param useUsernameAsClientId use_username_as_clientid: the client id is replaced by the username
 * @param protocol             MQTT 5 limits and features (topic aliases, packet size, maximum QoS, ...)
 */
public record BrokerSettings(boolean allowZeroLengthClientId, String autoIdPrefix, int maxKeepaliveSeconds,
                             int messageSizeLimit, SessionLimits sessionLimits, String clientIdPrefix,
                             boolean useUsernameAsClientId, ProtocolSettings protocol) {

    /** MQTT's largest possible remaining length, and so the largest payload. */
    public static final int MQTT_MAX_PAYLOAD = 268_435_455;

    public BrokerSettings {
        Objects.requireNonNull(autoIdPrefix, "autoIdPrefix");
        Objects.requireNonNull(sessionLimits, "sessionLimits");
        Objects.requireNonNull(clientIdPrefix, "clientIdPrefix");
        Objects.requireNonNull(protocol, "protocol");
    }

    /** With the default protocol settings. */
    public BrokerSettings(boolean allowZeroLengthClientId, String autoIdPrefix, int maxKeepaliveSeconds,
                          int messageSizeLimit, SessionLimits sessionLimits, String clientIdPrefix,
                          boolean useUsernameAsClientId) {
        this(allowZeroLengthClientId, autoIdPrefix, maxKeepaliveSeconds, messageSizeLimit, sessionLimits,
                clientIdPrefix, useUsernameAsClientId, ProtocolSettings.defaults());
    }

    /** Without clientid_prefixes and use_username_as_clientid. */
    public BrokerSettings(boolean allowZeroLengthClientId, String autoIdPrefix, int maxKeepaliveSeconds,
                          int messageSizeLimit, SessionLimits sessionLimits) {
        this(allowZeroLengthClientId, autoIdPrefix, maxKeepaliveSeconds, messageSizeLimit, sessionLimits, "", false);
    }

    /** Mosquitto 2.0's defaults. */
    public static BrokerSettings defaults() {
        return new BrokerSettings(true, "auto-", 65_535, MQTT_MAX_PAYLOAD, SessionLimits.defaults());
    }
}
