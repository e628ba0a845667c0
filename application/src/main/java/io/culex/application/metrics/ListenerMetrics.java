package io.culex.application.metrics;

import java.util.concurrent.atomic.LongAdder;

/** What one listener carried: accepted connections and socket bytes. Safe from every event loop. */
public final class ListenerMetrics {

    private final LongAdder socketsOpened = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();

    void socketOpened() {
        socketsOpened.increment();
    }

    /** Transport: bytes read from a socket of this listener. */
    public void bytesReceived(long count) {
        bytesReceived.add(count);
    }

    /** Transport: bytes written to a socket of this listener. */
    public void bytesSent(long count) {
        bytesSent.add(count);
    }

    public long socketsOpened() {
        return socketsOpened.sum();
    }

    public long bytesReceived() {
        return bytesReceived.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }
}
