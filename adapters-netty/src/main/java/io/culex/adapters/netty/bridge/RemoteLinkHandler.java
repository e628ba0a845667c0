package io.culex.adapters.netty.bridge;

import io.culex.adapters.netty.PacketTranslation;
import io.culex.adapters.netty.client.InboundTopicAliases;
import io.culex.adapters.netty.codec.ConnackPacket;
import io.culex.adapters.netty.codec.DisconnectPacket;
import io.culex.adapters.netty.codec.MqttCodec;
import io.culex.adapters.netty.codec.MqttPacket;
import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.adapters.netty.codec.PingreqPacket;
import io.culex.adapters.netty.codec.PingrespPacket;
import io.culex.adapters.netty.codec.PubackPacket;
import io.culex.adapters.netty.codec.PubcompPacket;
import io.culex.adapters.netty.codec.PublishPacket;
import io.culex.adapters.netty.codec.PubrecPacket;
import io.culex.adapters.netty.codec.PubrelPacket;
import io.culex.adapters.netty.codec.SubackPacket;
import io.culex.adapters.netty.codec.UnsubackPacket;
import io.culex.application.bridge.RemoteAddress;
import io.culex.application.bridge.RemoteConnectRequest;
import io.culex.application.bridge.RemoteLinkListener;
import io.culex.application.connection.PublishRequest;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * One bridge connection to a remote broker, on its event loop: sends CONNECT, waits (bounded) for CONNACK,
 * then hands each packet from the remote to the {@link RemoteLinkListener} and keeps the link alive with
 * PINGREQ. It reports exactly one of {@code connectFailed} or {@code connected}, and after {@code connected}
 * exactly one {@code disconnected}. Every method runs on the channel's event loop.
 */
final class RemoteLinkHandler extends SimpleChannelInboundHandler<MqttPacket> {

    static final String KEEP_ALIVE_HANDLER = "keepalive";
    static final String DECODER_HANDLER = "decoder";

    private enum State { CONNECTING, CONNECTED, CLOSED }

    private final RemoteAddress address;
    private final RemoteConnectRequest request;
    private final RemoteLinkListener listener;
    private final long connectTimeoutMillis;
    private final int level;
    private final InboundTopicAliases topicAliases;

    private State state = State.CONNECTING;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> connectTimeout;
    private long keepAliveNanos;
    /** When the unanswered PINGREQ went out, or -1 if none is outstanding. */
    private long pingSentNanos = -1;
    /** What {@code disconnected} will say; the first cause found wins. */
    private String closeReason;

    RemoteLinkHandler(RemoteAddress address, RemoteConnectRequest request, RemoteLinkListener listener,
                      long connectTimeoutMillis) {
        this.address = address;
        this.request = request;
        this.listener = listener;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.level = request.version().level();
        this.topicAliases = new InboundTopicAliases(level == MqttCodec.MQTT_5 ? RemotePackets.TOPIC_ALIAS_MAXIMUM : 0);
        this.keepAliveNanos = TimeUnit.SECONDS.toNanos(request.keepAliveSeconds());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        // TCP, TLS and CONNACK together: a remote that accepts the socket but never answers must not hang the bridge.
        connectTimeout = context.executor().schedule(
                () -> failConnect("timed out after " + connectTimeoutMillis + " ms"), connectTimeoutMillis,
                TimeUnit.MILLISECONDS);
    }

    /** The TCP connection could not be made. */
    void connectAttemptFailed(Throwable cause) {
        failConnect(networkError(cause));
    }

    /** The TLS handshake failed. */
    void handshakeFailed(Throwable cause) {
        failConnect(tlsError(cause));
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        // With TLS the handler holds the CONNECT until the handshake is done.
        context.writeAndFlush(RemotePackets.connect(request));
        super.channelActive(context);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, MqttPacket packet) {
        pingSentNanos = -1; // any packet shows the remote is alive
        if (state == State.CONNECTING) {
            if (packet instanceof ConnackPacket connack) {
                connack(connack);
            } else {
                failConnect("protocol error: " + name(packet) + " before CONNACK");
            }
        } else if (state == State.CONNECTED) {
            connectedRead(packet);
        }
    }

    private void connack(ConnackPacket connack) {
        if (connack.returnCode() != 0) {
            failConnect(RemotePackets.refusal(connack, level));
            return;
        }
        state = State.CONNECTED;
        connectTimeout.cancel(false);
        Integer serverKeepAlive = connack.properties().serverKeepAlive();
        if (serverKeepAlive != null) {
            useKeepAlive(serverKeepAlive); // the remote's Server Keep Alive replaces ours [MQTT-3.2.2-21]
        }
        NettyRemoteLink link = new NettyRemoteLink(ctx.channel(), this, level, address,
                connack.properties().maximumPacketSize() == null ? 0 : connack.properties().maximumPacketSize());
        listener.connected(link, RemotePackets.accepted(connack));
    }

    private void connectedRead(MqttPacket packet) {
        if (packet instanceof PublishPacket publish) {
            publish(publish);
        } else if (packet instanceof PubackPacket puback) {
            listener.puback(puback.packetId(), puback.reasonCode());
        } else if (packet instanceof PubrecPacket pubrec) {
            listener.pubrec(pubrec.packetId(), pubrec.reasonCode());
        } else if (packet instanceof PubrelPacket pubrel) {
            listener.pubrel(pubrel.packetId());
        } else if (packet instanceof PubcompPacket pubcomp) {
            listener.pubcomp(pubcomp.packetId(), pubcomp.reasonCode());
        } else if (packet instanceof SubackPacket suback) {
            listener.suback(suback.packetId(), suback.returnCodes());
        } else if (packet instanceof UnsubackPacket unsuback) {
            listener.unsuback(unsuback.packetId());
        } else if (packet instanceof DisconnectPacket disconnect) {
            String reasonString = disconnect.properties().reasonString();
            close(String.format("remote sent DISCONNECT 0x%02X", disconnect.reasonCode())
                    + (reasonString == null ? "" : " (" + reasonString + ")"), false);
        } else if (!(packet instanceof PingrespPacket)) {
            close("protocol error: unexpected " + name(packet) + " from the remote", false);
        }
    }

    private void publish(PublishPacket publish) {
        String topic;
        try {
            topic = topicAliases.resolve(publish.topic(), publish.properties().topicAlias());
        } catch (InboundTopicAliases.Violation e) {
            if (level == MqttCodec.MQTT_5) {
                ctx.write(new DisconnectPacket(e.reasonCode(), MqttProperties.EMPTY));
            }
            close("protocol error: " + e.getMessage(), true);
            return;
        }
        PublishRequest request = PacketTranslation.toPublishRequest(publish);
        listener.publish(new PublishRequest(topic, request.payload(), request.qos(), request.retain(), request.dup(),
                request.packetId(), request.properties(), request.messageExpirySeconds(), PublishRequest.NO_ALIAS));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
        if (state == State.CONNECTED && context.channel().isWritable()) {
            listener.writable();
        }
        super.channelWritabilityChanged(context);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (!(event instanceof IdleStateEvent idle)) {
            super.userEventTriggered(context, event);
            return;
        }
        if (state != State.CONNECTED) {
            return; // the connect timeout covers this phase
        }
        if (idle.state() == IdleState.WRITER_IDLE && pingSentNanos < 0) {
            pingSentNanos = System.nanoTime();
            context.writeAndFlush(PingreqPacket.INSTANCE);
        } else if (idle.state() == IdleState.READER_IDLE && pingSentNanos >= 0
                && System.nanoTime() - pingSentNanos >= keepAliveNanos / 2) {
            // Silent for a keepalive period and our PINGREQ unanswered for at least half of one.
            close("keepalive timeout", false);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (state == State.CONNECTING) {
            failConnect(isTls(cause) ? tlsError(cause) : describe(cause));
        } else {
            close(describe(cause), false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        if (state == State.CONNECTING) {
            failConnect("connection closed before CONNACK");
        } else if (state == State.CONNECTED) {
            state = State.CLOSED;
            listener.disconnected(closeReason != null ? closeReason : "connection lost");
        }
        super.channelInactive(context);
    }

    /**
     * Closes the link, on the event loop; {@code disconnected} then reports {@code reason}.
     *
     * @param flushFirst write what is buffered (such as a DISCONNECT) before closing
     */
    void close(String reason, boolean flushFirst) {
        if (closeReason == null) {
            closeReason = reason;
        }
        if (flushFirst) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    private void failConnect(String reason) {
        if (state != State.CONNECTING) {
            return;
        }
        state = State.CLOSED;
        if (connectTimeout != null) {
            connectTimeout.cancel(false);
        }
        if (ctx != null) {
            ctx.close();
        }
        listener.connectFailed(reason);
    }

    private void useKeepAlive(int seconds) {
        keepAliveNanos = TimeUnit.SECONDS.toNanos(seconds);
        ChannelPipeline pipeline = ctx.pipeline();
        if (pipeline.get(KEEP_ALIVE_HANDLER) != null) {
            pipeline.remove(KEEP_ALIVE_HANDLER);
        }
        if (seconds > 0) {
            pipeline.addBefore(DECODER_HANDLER, KEEP_ALIVE_HANDLER, keepAliveHandler(seconds));
        }
    }

    /** Reader idle to notice a silent remote, writer idle to send PINGREQ. */
    static IdleStateHandler keepAliveHandler(int seconds) {
        return new IdleStateHandler(seconds, seconds, 0);
    }

    private static String name(MqttPacket packet) {
        return packet.getClass().getSimpleName().replace("Packet", "").toUpperCase(Locale.ROOT);
    }

    private static String networkError(Throwable cause) {
        if (cause instanceof ConnectException) {
            return "connection refused";
        } else if (cause instanceof UnknownHostException) {
            return "unknown host: " + cause.getMessage();
        } else if (cause instanceof io.netty.channel.ConnectTimeoutException) {
            return "timed out connecting";
        }
        return describe(cause);
    }

    private static boolean isTls(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    /** "TLS handshake failed: " and the innermost TLS reason, such as a certificate the CA did not sign. */
    private static String tlsError(Throwable cause) {
        Throwable reason = cause;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof GeneralSecurityException) {
                reason = t;
            }
        }
        return "TLS handshake failed: " + (reason.getMessage() == null ? reason.toString() : reason.getMessage());
    }

    private static String describe(Throwable cause) {
        if (cause instanceof EncoderException) {
            return "could not send a packet: " + (cause.getMessage() == null ? cause : cause.getMessage());
        }
        Throwable shown = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        String prefix = cause instanceof DecoderException ? "malformed packet from the remote: " : "I/O error: ";
        return prefix + (shown.getMessage() == null ? shown.toString() : shown.getMessage());
    }
}
