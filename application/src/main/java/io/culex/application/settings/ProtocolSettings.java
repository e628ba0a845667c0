package io.culex.application.settings;

import io.culex.domain.message.QoS;
import java.util.Objects;

/**
 * Protocol limits and features a client is told about in an MQTT 5 CONNACK, and enforced for
 * every version where the version can express them.
 *
 * @param maxTopicAlias       max_topic_alias: topic aliases a client may use towards the broker (0 disables)
 * @param maxPacketSize       max_packet_size: the largest packet accepted, 0 for MQTT's own limit
 * @param maxQos              max_qos: the highest QoS granted and accepted
 * @param retainAvailable     retain_available
 * @param persistentClientExpirationSeconds persistent_client_expiration for MQTT 3.x persistent sessions, 0 for never
 * @param serverReference     Culex's server_reference: MQTT 5 clients are sent elsewhere, null for none
 * @param serverMoved         server_reference ... permanent: 0x9D Server moved instead of 0x9C Use another server
 */
public record ProtocolSettings(int maxTopicAlias, int maxPacketSize, QoS maxQos, boolean retainAvailable,
                               long persistentClientExpirationSeconds, String serverReference, boolean serverMoved) {

    public ProtocolSettings {
        Objects.requireNonNull(maxQos, "maxQos");
        if (maxTopicAlias < 0 || maxTopicAlias > 65_535) {
            throw new IllegalArgumentException("maxTopicAlias must be 0..65535, got " + maxTopicAlias);
        }
    }

    /** Mosquitto 2.0's defaults. */
    public static ProtocolSettings defaults() {
        return new ProtocolSettings(10, 0, QoS.EXACTLY_ONCE, true, 0, null, false);
    }
}
