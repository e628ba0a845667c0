package io.culex.application.bridge;

import io.culex.application.protocol.ReasonCode;
import io.culex.application.session.InboundFlow;
import io.culex.domain.session.Delivery;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Driven port: one established connection to a remote broker, as the bridge's client side. Implemented
 * by the transport adapter; writes are buffered until {@link #flush()}. Methods may be called from any
 * thread. The adapter leaves out what the remote's protocol version cannot carry. As an {@link InboundFlow}
 * its reading pauses while the remote's messages go to local sessions that are behind.
 */
public interface RemoteLink extends InboundFlow {

    /**
     * PUBLISH to the remote; {@code packetId} is 0 for QoS 0. The QoS and retain flag are the delivery's.
     *
     * @param messageExpirySeconds the Message Expiry Interval left, or -1 if none
     * @return false if not written because it exceeds the remote's Maximum Packet Size
     */
    boolean publish(int packetId, String topic, Delivery delivery, boolean dup, long messageExpirySeconds);

    void puback(int packetId, ReasonCode code);

    void pubrec(int packetId, ReasonCode code);

    void pubrel(int packetId);

    void pubcomp(int packetId, ReasonCode code);

    void subscribe(int packetId, List<RemoteSubscription> subscriptions);

    void unsubscribe(int packetId, List<String> filters);

    void flush();

    /** False while the transport's outbound buffer is above its high-water mark. */
    boolean isWritable();

    /** Sends DISCONNECT (normal: the remote discards our will) and closes. */
    void disconnect();

    /** Closes without DISCONNECT, after what was written: the remote publishes our will. */
    void close();

    /** The thread (event loop) that owns this link; the listener's calls arrive on it. */
    Executor eventLoop();

    /** The remote's address for log lines, e.g. "127.0.0.1:1883". */
    String remoteAddress();
}
