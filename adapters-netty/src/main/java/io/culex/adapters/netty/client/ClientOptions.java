package io.culex.adapters.netty.client;

import io.culex.adapters.netty.codec.MqttProperties;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the broker and what CONNECT says. {@code clientId} may be empty (the broker assigns
 * one on 3.1.1 and 5); {@code username}, {@code password} and {@code will} are {@code null} when
 * absent. The password array is not copied. {@code tls} is {@code null} for plain TCP.
 * {@code properties} are the MQTT 5 CONNECT properties (session expiry, receive maximum, topic
 * alias maximum, user properties, ...); they, and the will's properties, must be empty on 3.x.
 * A Topic Alias Maximum given here is the most aliases the broker may use towards the client,
 * which resolves them into {@link ReceivedMessage#topic()}.
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
        int connectTimeoutMillis,
        Tls tls,
        MqttProperties properties) {

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
        Objects.requireNonNull(properties, "properties");
        if (version != MqttVersion.MQTT_5 && (!properties.isEmpty() || will != null && !will.properties().isEmpty())) {
            throw new IllegalArgumentException("CONNECT and will properties need MQTT 5, not " + version);
        }
    }

    /** Without CONNECT properties. */
    public ClientOptions(String host, int port, MqttVersion version, String clientId, boolean cleanSession,
            int keepAliveSeconds, String username, byte[] password, ClientWill will, int connectTimeoutMillis,
            Tls tls) {
        this(host, port, version, clientId, cleanSession, keepAliveSeconds, username, password, will,
                connectTimeoutMillis, tls, MqttProperties.EMPTY);
    }

    /** Plain TCP. */
    public ClientOptions(String host, int port, MqttVersion version, String clientId, boolean cleanSession,
            int keepAliveSeconds, String username, byte[] password, ClientWill will, int connectTimeoutMillis) {
        this(host, port, version, clientId, cleanSession, keepAliveSeconds, username, password, will,
                connectTimeoutMillis, null);
    }

    /** Anonymous, clean session, 3.1.1, 60 s keepalive, 10 s TCP connect timeout. */
    public static ClientOptions of(String host, int port, String clientId) {
        return new ClientOptions(host, port, MqttVersion.MQTT_3_1_1, clientId, true, 60, null, null, null, 10_000);
    }

    @Override
    public String toString() {
        return "ClientOptions[" + host + ":" + port + ", " + version + ", clientId=" + clientId + ", cleanSession="
                + cleanSession + ", keepAlive=" + keepAliveSeconds + ", username=" + username + ", password="
                + (password == null ? "null" : "<redacted>") + ", will=" + will + ", tls=" + tls
                + (properties.isEmpty() ? "" : ", properties=" + properties) + "]";
    }

    /**
     * TLS as mosquitto's clients configure it. The broker's certificate is checked against {@code caFile}
     * and/or the certificates in {@code caPath} (PEM), or against the JDK's default trust store when both are
     * {@code null}. {@code certFile} and {@code keyFile} (PEM, unencrypted key) are the client's identity,
     * both or neither. {@code insecure} skips the host name check (the chain is still verified).
     * {@code version} is {@code "tlsv1.2"} or {@code "tlsv1.3"} to use only that version, or {@code null}
     * for either.
     */
    public record Tls(Path caFile, Path caPath, Path certFile, Path keyFile, boolean insecure, String version) {

        public Tls {
            if ((certFile == null) != (keyFile == null)) {
                throw new IllegalArgumentException("certFile and keyFile must be given together");
            }
            if (version != null && !version.equals("tlsv1.2") && !version.equals("tlsv1.3")) {
                throw new IllegalArgumentException("version must be tlsv1.2 or tlsv1.3 but was " + version);
            }
        }
    }
}
