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
 */
public record ListenerConfig(int port, String bindAddress, Protocol protocol, int maxConnections, ListenerTlsConfig tls) {

    public static final int MAX_PORT = 65_535;
    public static final int UNLIMITED = -1;

    /** Mosquitto's {@code protocol} values. */
    public enum Protocol { MQTT, WEBSOCKETS }

    public ListenerConfig {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be 0.." + MAX_PORT + ", got " + port);
        }
        Objects.requireNonNull(protocol, "protocol");
        if (maxConnections < UNLIMITED || maxConnections == 0) {
            throw new IllegalArgumentException("maxConnections must be positive or -1, got " + maxConnections);
        }
    }

    /** A plain MQTT listener without a connection limit. */
    public ListenerConfig(int port, String bindAddress) {
        this(port, bindAddress, Protocol.MQTT, UNLIMITED, null);
    }
}
