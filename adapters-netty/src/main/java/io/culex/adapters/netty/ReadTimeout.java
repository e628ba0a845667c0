package io.culex.adapters.netty;

import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action when nothing was read from one channel for a given time: first the CONNECT
 * timeout, then 1.5 times the client's keepalive. Used on the channel's event loop only.
 *
 * <p>Not a pipeline handler (as Netty's {@code IdleStateHandler} is): an idle connection then
 * holds one scheduled task and this small object instead of a handler, its context and its timer
 * task, and switching from the CONNECT timeout to the keepalive changes two fields instead of the
 * pipeline. A read only notes the time; the task, when it fires, re-arms itself for what is left.
 * Time is the event loop's ticker, so that a test can advance it.
 */
final class ReadTimeout implements Runnable {

    private final EventLoop loop;
    private final Runnable onExpiry;
    private long timeoutNanos;
    private long lastReadNanos;
    private ScheduledFuture<?> check;

    ReadTimeout(EventLoop loop, Runnable onExpiry) {
        this.loop = loop;
        this.onExpiry = onExpiry;
    }

    /** Starts counting afresh with this timeout, replacing any earlier one; 0 turns it off. */
    void restart(long timeoutMillis) {
        stop();
        if (timeoutMillis > 0) {
            timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            lastReadNanos = loop.ticker().nanoTime();
            check = loop.schedule(this, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Something was read: the silence starts again now. */
    void readSeen() {
        lastReadNanos = loop.ticker().nanoTime();
    }

    void stop() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    @Override
    public void run() {
        long silentNanos = loop.ticker().nanoTime() - lastReadNanos;
        if (silentNanos >= timeoutNanos) {
            check = null;
            onExpiry.run();
        } else {
            check = loop.schedule(this, timeoutNanos - silentNanos, TimeUnit.NANOSECONDS);
        }
    }
}
