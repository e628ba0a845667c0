package io.culex.application.session;

/**
 * Driven port: reading from one client's network connection, which the application pauses while the
 * client's messages go to sessions that are behind (flow control back to a publisher: with reading
 * paused, TCP pushes back on the client). Implemented by the transport; callable from any thread.
 */
public interface InboundFlow {

    /**
     * Stops reading from the connection (packets already read are still handled). Idempotent: a pause
     * already in force keeps its deadline.
     *
     * @param resumeAfterMillis the transport reads again by itself after this long, if nothing resumed it before
     */
    void pauseReading(long resumeAfterMillis);

    /** Reads from the connection again; nothing happens if it was not paused. */
    void resumeReading();
}
