package io.culex.adapters.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Fires {@link Expired} down the pipeline when nothing was read for the given
 * time: first the CONNECT timeout, then 1.5 times the client's keepalive.
 */
final class ReadTimeout extends IdleStateHandler {

    static final String NAME = "read-timeout";

    /** Event telling the MQTT handler that the peer has been silent too long. */
    enum Expired { INSTANCE }

    ReadTimeout(long timeout, TimeUnit unit) {
        super(timeout, 0, 0, unit);
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
        ctx.fireUserEventTriggered(Expired.INSTANCE);
    }
}
