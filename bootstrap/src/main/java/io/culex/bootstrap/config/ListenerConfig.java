package io.culex.bootstrap.config;

/**
 * One TCP listener.
 *
 * @param port        0..65535; 0 asks the system for an ephemeral port (used by tests)
 * @param bindAddress address or host name to bind, or {@code null} for all interfaces
 */
public record ListenerConfig(int port, String bindAddress) {

    public static final int MAX_PORT = 65_535;

    public ListenerConfig {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be 0.." + MAX_PORT + ", got " + port);
        }
    }
}
