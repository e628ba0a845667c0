package io.culex.adapters.netty.client;

import java.util.Objects;

/**
 * How to reach the broker and what CONNECT says. {@code clientId} may be empty (the broker assigns
 * one on 3.1.1); {@code username}, {@code password} and {@code will} are {@code null} when absent.
 * The password array is not copied.
 */
public record ClientOptions(
        String host,
        int port,
        MqttVersion version,
        String clientId,
        boolean cleanSession,
        int keepAliveSeconds,
        String username,
        byte[] password,
        ClientWill will,
        int connectTimeoutMillis) {

    public ClientOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(clientId, "clientId");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [1, 65535] but was " + port);
        }
        if (keepAliveSeconds < 0 || keepAliveSeconds > 65_535) {
            throw new IllegalArgumentException("keepalive must be in [0, 65535] but was " + keepAliveSeconds);
        }
        if (connectTimeoutMillis <= 0) {
            throw new IllegalArgumentException("connect timeout must be positive but was " + connectTimeoutMillis);
        }
    }

    /** Anonymous, clean session, 3.1.1, 60 s keepalive, 10 s TCP connect timeout. */
    public static ClientOptions of(String host, int port, String clientId) {
        return new ClientOptions(host, port, MqttVersion.MQTT_3_1_1, clientId, true, 60, null, null, null, 10_000);
    }

    @Override
    public String toString() {
        return "ClientOptions[" + host + ":" + port + ", " + version + ", clientId=" + clientId + ", cleanSession="
                + cleanSession + ", keepAlive=" + keepAliveSeconds + ", username=" + username + ", password="
                + (password == null ? "null" : "<redacted>") + ", will=" + will + "]";
    }
}
