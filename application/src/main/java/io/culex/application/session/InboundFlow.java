package io.culex.application.session;

/**
 * Driven port: reading from one client's network connection, which the application pauses while the
 * client's messages go to sessions that are behind (flow control back to a publisher: with reading
 * paused, TCP pushes back on the client). Implemented by the transport; callable from any thread.
 */
public interface InboundFlow {

    /**
     * Stops reading from the connection (packets already read are still handled). Idempotent. While the
     * pause lasts the transport still takes one read (a socket buffer's worth) every {@code trickleMillis},
     * so that a keep-alive gets through and no pause can hold a connection still for good.
     */
    void pauseReading(long trickleMillis);

    /** Reads from the connection again; nothing happens if it was not paused. */
    void resumeReading();
}
