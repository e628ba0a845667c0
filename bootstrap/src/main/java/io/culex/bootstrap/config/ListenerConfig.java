package io.culex.bootstrap.config;

import java.util.Objects;

/**
 * One listener: where it binds, what it speaks and its per-listener options.
 *
 * @param port           0..65535; 0 asks the system for an ephemeral port (used by tests)
 * @param bindAddress    address or host name to bind, or {@code null} for all interfaces
 * @param protocol       {@code protocol mqtt} (default) or {@code protocol websockets}
 * @param maxConnections {@code max_connections}; {@link #UNLIMITED} when not limited
 * @param tls            TLS options, or null for a plain listener (no {@code certfile}/{@code keyfile})
 * @param httpApi        who may use an HTTP API listener; present exactly when the protocol is {@code http_api}
 */
public record ListenerConfig(int port, String bindAddress, Protocol protocol, int maxConnections, ListenerTlsConfig tls,
                             HttpApiConfig httpApi) {

    public static final int MAX_PORT = 65_535;
    public static final int UNLIMITED = -1;

    /** Mosquitto's {@code protocol} values ({@code http_api} as Mosquitto 2.1 names its HTTP API listener). */
    public enum Protocol { MQTT, WEBSOCKETS, HTTP_API }

    public ListenerConfig {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be 0.." + MAX_PORT + ", got " + port);
        }
        Objects.requireNonNull(protocol, "protocol");
        if (maxConnections < UNLIMITED || maxConnections == 0) {
            throw new IllegalArgumentException("maxConnections must be positive or -1, got " + maxConnections);
        }
        if ((protocol == Protocol.HTTP_API) != (httpApi != null)) {
            throw new IllegalArgumentException("HTTP API options belong to, and only to, an http_api listener");
        }
    }

    /** An MQTT or WebSockets listener. */
    public ListenerConfig(int port, String bindAddress, Protocol protocol, int maxConnections, ListenerTlsConfig tls) {
        this(port, bindAddress, protocol, maxConnections, tls, null);
    }

    /** Whether this listener speaks MQTT (over TCP or WebSockets) rather than serving the HTTP API. */
    public boolean servesMqtt() {
        return protocol != Protocol.HTTP_API;
    }

    /** A plain MQTT listener without a connection limit. */
    public ListenerConfig(int port, String bindAddress) {
        this(port, bindAddress, Protocol.MQTT, UNLIMITED, null);
    }
}
