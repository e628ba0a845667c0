package io.culex.application.connection;

import io.culex.application.settings.BrokerSettings;
import io.culex.application.settings.ProtocolSettings;
import java.util.List;

/**
 * What the broker tells an MQTT 5 client about itself in CONNACK, from the settings: the
 * limits it enforces and the features it offers.
 */
final class ServerCapabilities {

    private final BrokerSettings settings;

    ServerCapabilities(BrokerSettings settings) {
        this.settings = settings;
    }

    /** Most unacknowledged QoS 1/2 PUBLISHes a client may send (max_inflight_messages). */
    int receiveMaximum() {
        return settings.sessionLimits().maxInflight();
    }

    /**
     * @param assignedClientId  the id the broker chose for a client that sent none, else null
     * @param serverKeepAlive   the keepalive the broker imposes when it differs from the client's, else null
     */
    Connack.Properties connackProperties(String assignedClientId, Integer serverKeepAlive) {
        ProtocolSettings protocol = settings.protocol();
        return new Connack.Properties(
                null, // the client's Session Expiry Interval is used as it asked
                receiveMaximum() == 65_535 ? null : receiveMaximum(),
                protocol.maxQos().value() == 2 ? null : protocol.maxQos().value(),
                protocol.retainAvailable() ? null : Boolean.FALSE,
                protocol.maxPacketSize() == 0 ? null : (long) protocol.maxPacketSize(),
                assignedClientId,
                protocol.maxTopicAlias() == 0 ? null : protocol.maxTopicAlias(),
                null,
                null, // wildcards, subscription identifiers and shared subscriptions are all available
                null,
                null,
                serverKeepAlive,
                null,
                null,
                null,
                List.of());
    }
}
