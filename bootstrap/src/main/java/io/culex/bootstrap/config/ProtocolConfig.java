package io.culex.bootstrap.config;

/**
 * MQTT 5 limits and session expiry from the configuration.
 *
 * @param maxTopicAlias                     max_topic_alias, default 10 (Mosquitto's); applies to every listener
 * @param maxPacketSize                     max_packet_size in bytes, 0 (default) for MQTT's own limit
 * @param persistentClientExpirationSeconds persistent_client_expiration, 0 (default) for never
 * @param serverReference                   server_reference (Culex's own): where MQTT 5 clients are sent, or null
 * @param serverMoved                       server_reference ... permanent: "server moved" instead of "use another server"
 */
public record ProtocolConfig(int maxTopicAlias, int maxPacketSize, long persistentClientExpirationSeconds,
                             String serverReference, boolean serverMoved) {

    public static ProtocolConfig defaults() {
        return new ProtocolConfig(10, 0, 0, null, false);
    }
}
