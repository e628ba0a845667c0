package io.culex.adapters.netty;

import io.culex.application.metrics.BrokerMetrics;
import io.culex.application.metrics.ListenerMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Counts the bytes read from and written to every socket ($SYS bytes/received and bytes/sent).
 * Sits next to the socket, where messages are still raw buffers; one instance serves every channel of a
 * listener, and counts for the listener too when it has an id.
 */
@Sharable
final class TrafficCounter extends ChannelDuplexHandler {

    static final String NAME = "traffic";

    private final BrokerMetrics metrics;
    private final ListenerMetrics listener;

    /** @param listener the listener's own counters, or null */
    TrafficCounter(BrokerMetrics metrics, ListenerMetrics listener) {
        this.metrics = metrics;
        this.listener = listener;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf buffer) {
            metrics.bytesReceived(buffer.readableBytes());
            if (listener != null) {
                listener.bytesReceived(buffer.readableBytes());
            }
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof ByteBuf buffer) {
            // Counted when queued for the socket: a connection that dies with unsent bytes overcounts slightly.
            metrics.bytesSent(buffer.readableBytes());
            if (listener != null) {
                listener.bytesSent(buffer.readableBytes());
            }
        }
        super.write(ctx, msg, promise);
    }
}
