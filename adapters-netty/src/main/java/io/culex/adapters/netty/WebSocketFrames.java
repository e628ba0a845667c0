package io.culex.adapters.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

/**
 * MQTT over WebSockets (MQTT 3.1.1 section 6): the MQTT byte stream travels in binary frames, which
 * need not match packet boundaries. Inbound frame contents go on to the {@code MqttDecoder} as a plain
 * stream; each buffer the encoder writes goes out as one binary frame. A text frame is a protocol
 * error: the connection is closed.
 */
final class WebSocketFrames extends ChannelDuplexHandler {

    static final String NAME = "websocket-frames";

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof BinaryWebSocketFrame || msg instanceof ContinuationWebSocketFrame) {
            ctx.fireChannelRead(((WebSocketFrame) msg).content());
        } else if (msg instanceof WebSocketFrame frame) {
            frame.release();
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_MESSAGE_TYPE))
                    .addListener(future -> ctx.close());
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            ctx.write(new BinaryWebSocketFrame(bytes), promise);
        } else {
            // The empty buffer written before a close, and frames from the protocol handler, pass as they are.
            ctx.write(msg, promise);
        }
    }
}
