package io.culex.adapters.netty.loadgen;

import io.culex.adapters.netty.codec.ConnackPacket;
import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.PingreqPacket;
import io.culex.adapters.netty.codec.PingrespPacket;
import io.culex.adapters.netty.codec.PubackPacket;
import io.culex.adapters.netty.codec.PubcompPacket;
import io.culex.adapters.netty.codec.PublishPacket;
import io.culex.adapters.netty.codec.PubrecPacket;
import io.culex.adapters.netty.codec.PubrelPacket;
import io.culex.adapters.netty.codec.SubackPacket;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/** Sends CONNECT, turns the broker's packets into {@link LoadListener} calls and flushes once per read batch. */
final class LoadHandler extends ChannelInboundHandlerAdapter {

    private final ConnectPacket connect;
    private final LoadListener listener;
    private LoadConnection connection;
    private Throwable failure;
    private boolean closedReported;

    LoadHandler(ConnectPacket connect, LoadListener listener) {
        this.connect = connect;
        this.listener = listener;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connection = new LoadConnection(ctx.channel());
        ctx.writeAndFlush(connect, ctx.voidPromise());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object packet) {
        // Most frequent first.
        if (packet instanceof PublishPacket publish) {
            listener.published(publish.topic(), publish.payload(), publish.qos(), publish.dup(), publish.packetId());
        } else if (packet instanceof PubackPacket puback) {
            listener.puback(puback.packetId());
        } else if (packet instanceof PubrecPacket pubrec) {
            listener.pubrec(pubrec.packetId());
        } else if (packet instanceof PubcompPacket pubcomp) {
            listener.pubcomp(pubcomp.packetId());
        } else if (packet instanceof PubrelPacket pubrel) {
            listener.pubrel(pubrel.packetId());
        } else if (packet instanceof SubackPacket suback) {
            listener.subscribed(suback.packetId(), suback.returnCodes());
        } else if (packet instanceof ConnackPacket connack) {
            listener.connected(connection, connack.sessionPresent(), connack.returnCode());
        } else if (!(packet instanceof PingrespPacket)) {
            failure = new IllegalStateException("unexpected packet from the broker: " + packet);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush(); // the replies written by the listener during this batch
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            listener.writable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.writeAndFlush(PingreqPacket.INSTANCE, ctx.voidPromise()); // keepalive: nothing sent for a while
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        reportClosed(failure);
        ctx.fireChannelInactive();
    }

    /** The TCP connection or the TLS handshake failed before the channel became active. */
    void connectFailed(Throwable cause) {
        reportClosed(cause);
    }

    private void reportClosed(Throwable cause) {
        if (!closedReported) {
            closedReported = true;
            listener.closed(cause);
        }
    }
}
