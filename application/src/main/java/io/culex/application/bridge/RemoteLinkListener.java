package io.culex.application.bridge;

import io.culex.application.connection.PublishRequest;
import java.util.List;

/**
 * Driving side of a bridge's remote connection: the transport adapter calls it on the link's event loop,
 * one call per packet from the remote broker.
 */
public interface RemoteLinkListener {

    /** CONNACK accepted the connection; nothing else arrives before this. */
    void connected(RemoteLink link, RemoteConnack connack);

    /** The connection could not be made or CONNACK refused it; nothing else arrives after this. */
    void connectFailed(String reason);

    /** A PUBLISH from the remote, topic alias already resolved. */
    void publish(PublishRequest request);

    void puback(int packetId, int reasonCode);

    void pubrec(int packetId, int reasonCode);

    void pubrel(int packetId);

    void pubcomp(int packetId, int reasonCode);

    /** @param codes one per filter, as the remote sent them (granted QoS, or a failure code) */
    void suback(int packetId, List<Integer> codes);

    void unsuback(int packetId);

    /** The link's outbound buffer fell below its low-water mark. */
    void writable();

    /**
     * After {@link #connected}: the link is gone (remote DISCONNECT, I/O error, keepalive timeout, protocol
     * error, or our own close). Called exactly once.
     */
    void disconnected(String reason);
}
