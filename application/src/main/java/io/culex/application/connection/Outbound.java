package io.culex.application.connection;

import io.culex.domain.session.Delivery;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Driven port: what the application asks of one client's network connection.
 * Implemented by a transport adapter. Methods may be called from any thread;
 * writes are buffered until {@link #flush()}.
 */
public interface Outbound {

    void connack(boolean sessionPresent, ConnectReturnCode code);

    /** PUBLISH; {@code packetId} is 0 for QoS 0. */
    void publish(int packetId, Delivery delivery, boolean dup);

    void puback(int packetId);

    void pubrec(int packetId);

    void pubrel(int packetId);

    void pubcomp(int packetId);

    /** SUBACK with one return code per requested filter (granted QoS or 0x80). */
    void suback(int packetId, List<Integer> returnCodes);

    void unsuback(int packetId);

    void pingresp();

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
