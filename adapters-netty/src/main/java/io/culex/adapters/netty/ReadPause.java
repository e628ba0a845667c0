package io.culex.adapters.netty;

import io.netty.channel.Channel;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Flow control on one channel's reading (the application's {@code InboundFlow}): paused, the channel reads
 * nothing, so TCP's window closes on the sender, except one read every trickle period, so that a
 * keep-alive gets through and no pause holds a connection still for good. Callable from any thread; the
 * state is touched on the channel's event loop only.
 */
public final class ReadPause {

    private final Channel channel;
    private ScheduledFuture<?> trickle;

    public ReadPause(Channel channel) {
        this.channel = channel;
    }

    public void pause(long trickleMillis) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> pause(trickleMillis));
            return;
        }
        if (trickle != null || !channel.isActive()) {
            return;
        }
        channel.config().setAutoRead(false);
        scheduleRead(trickleMillis);
    }

    /** While paused: one read (with auto-read off, a single socket buffer) every {@code millis}. */
    private void scheduleRead(long millis) {
        trickle = channel.eventLoop().schedule(() -> {
            if (trickle != null && channel.isActive()) {
                channel.read();
                scheduleRead(millis);
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    public void resume() {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(this::resume);
            return;
        }
        if (trickle == null) {
            return;
        }
        trickle.cancel(false);
        trickle = null;
        channel.config().setAutoRead(true);
    }
}
