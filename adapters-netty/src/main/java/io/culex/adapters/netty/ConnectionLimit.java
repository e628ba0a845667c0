package io.culex.adapters.netty;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener's max_connections: connections beyond it are closed as soon as they are accepted. */
final class ConnectionLimit {

    private static final System.Logger LOG = System.getLogger("io.culex.transport");

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimit(int max) {
        this.max = max;
    }

    /** Counts {@code channel} until it closes, or closes it at once and returns false when the listener is full. */
    boolean admit(Channel channel) {
        if (max < 0) {
            return true;
        }
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            LOG.log(System.Logger.Level.INFO, () -> "Client connection from "
                    + String.valueOf(channel.remoteAddress()).replaceFirst("^/", "")
                    + " denied: max_connections exceeded.");
            channel.close();
            return false;
        }
        channel.closeFuture().addListener(future -> open.decrementAndGet());
        return true;
    }

    int open() {
        return open.get();
    }
}
