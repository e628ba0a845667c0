package io.culex.application.connection;

import io.culex.application.protocol.ReasonCode;
import io.culex.application.session.InboundFlow;
import io.culex.domain.session.Delivery;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Driven port: what the application asks of one client's network connection.
 * Implemented by a transport adapter, which writes each request in the client's
 * protocol version (MQTT 3.x has no reason codes or properties on most packets: the
 * adapter leaves them out). Methods may be called from any thread; writes are
 * buffered until {@link #flush()}. Reading from the connection pauses and resumes through
 * {@link InboundFlow} (flow control towards a publisher whose subscribers are behind).
 */
public interface Outbound extends InboundFlow {

    void connack(Connack connack);

    /**
     * PUBLISH; {@code packetId} is 0 for QoS 0.
     *
     * @param messageExpirySeconds the Message Expiry Interval left, or -1 if the message has none
     * @return false if not written because it exceeds the client's Maximum Packet Size
     */
    boolean publish(int packetId, Delivery delivery, boolean dup, long messageExpirySeconds);

    /** @param reasonString null for none */
    void puback(int packetId, ReasonCode code, String reasonString);

    void pubrec(int packetId, ReasonCode code, String reasonString);

    void pubrel(int packetId, ReasonCode code);

    void pubcomp(int packetId, ReasonCode code);

    /** SUBACK with one code per requested filter, already in the client's version. */
    void suback(int packetId, List<Integer> codes);

    void unsuback(int packetId, List<ReasonCode> codes);

    void pingresp();

    /**
     * DISCONNECT from the server (MQTT 5 only; never asked for a 3.x client).
     *
     * @param reasonString    null for none
     * @param serverReference null for none
     */
    void disconnect(ReasonCode code, String reasonString, String serverReference);

    /** AUTH (MQTT 5 enhanced authentication). */
    void auth(ReasonCode code, String method, byte[] data);

    void flush();

    /** Flushes what was written and closes the network connection. */
    void close();

    /** False while the transport's outbound buffer is above its high-water mark. */
    boolean isWritable();

    /** Close the connection if nothing is received for this long; 0 disables the timer. */
    void expectTrafficWithin(long millis);

    /** The thread (event loop) that owns this connection. */
    Executor eventLoop();

    /** Peer address for log lines, e.g. "127.0.0.1:51234". */
    String remoteAddress();
}
