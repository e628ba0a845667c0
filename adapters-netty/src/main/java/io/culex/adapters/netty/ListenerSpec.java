package io.culex.adapters.netty;

import java.util.Objects;

/**
 * What one listener serves, in JDK types only so that callers need no Netty.
 *
 * @param host           address or host name to bind; null or empty for every interface
 * @param port           0..65535; 0 picks a free port
 * @param protocol       MQTT over the raw stream, MQTT inside WebSocket binary frames, or the HTTP admin API
 * @param tls            null for a plain listener
 * @param maxConnections connections served at once; a further one is closed as soon as it is accepted;
 *                       -1 (or any negative value) for no limit
 * @param id             the name the application knows this listener by (its connections are accepted with it,
 *                       so that the application can apply the listener's own security); null for none
 */
public record ListenerSpec(String host, int port, Protocol protocol, TlsSettings tls, int maxConnections, String id) {

    /** No limit on connections. */
    public static final int UNLIMITED = -1;

    public enum Protocol { MQTT, WEBSOCKETS, HTTP_API }

    public ListenerSpec {
        Objects.requireNonNull(protocol, "protocol");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    /** A listener without an id. */
    public ListenerSpec(String host, int port, Protocol protocol, TlsSettings tls, int maxConnections) {
        this(host, port, protocol, tls, maxConnections, null);
    }

    /** A plain MQTT listener without a connection limit. */
    public static ListenerSpec plain(String host, int port) {
        return new ListenerSpec(host, port, Protocol.MQTT, null, UNLIMITED);
    }

    boolean limitsConnections() {
        return maxConnections >= 0;
    }

    /** "mqtt", "mqtts", "ws" or "wss", for log lines. */
    String scheme() {
        boolean secure = tls != null;
        switch (protocol) {
            case MQTT:
                return secure ? "mqtts" : "mqtt";
            case WEBSOCKETS:
                return secure ? "wss" : "ws";
            default:
                return secure ? "https" : "http";
        }
    }
}
