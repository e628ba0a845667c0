package io.culex.adapters.netty;

import io.culex.adapters.netty.codec.ConnackPacket;
import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.DisconnectPacket;
import io.culex.adapters.netty.codec.MqttCodec;
import io.culex.adapters.netty.codec.MqttPacket;
import io.culex.adapters.netty.codec.PingreqPacket;
import io.culex.adapters.netty.codec.PingrespPacket;
import io.culex.adapters.netty.codec.PubackPacket;
import io.culex.adapters.netty.codec.PubcompPacket;
import io.culex.adapters.netty.codec.PublishPacket;
import io.culex.adapters.netty.codec.PubrecPacket;
import io.culex.adapters.netty.codec.PubrelPacket;
import io.culex.adapters.netty.codec.SubackPacket;
import io.culex.adapters.netty.codec.SubscribePacket;
import io.culex.adapters.netty.codec.UnsubackPacket;
import io.culex.adapters.netty.codec.UnsubscribePacket;
import io.culex.application.Broker;
import io.culex.application.connection.ClientConnection;
import io.culex.application.connection.ConnectReturnCode;
import io.culex.application.connection.Outbound;
import io.culex.domain.session.Delivery;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Bridges one channel to the application: decoded packets become calls on a
 * {@link ClientConnection}, and the application's {@link Outbound} requests become
 * packets on the channel. It decides no protocol semantics itself.
 */
final class MqttConnectionHandler extends SimpleChannelInboundHandler<MqttPacket> implements Outbound {

    private static final System.Logger LOG = System.getLogger("io.culex.transport");

    private final Broker broker;
    private final TlsSettings.ClientIdentity identity;
    private final String listenerId;
    private Channel channel;
    private ClientConnection connection;

    MqttConnectionHandler(Broker broker) {
        this(broker, TlsSettings.ClientIdentity.CONNECT_PACKET);
    }

    /** @param identity where the CONNECT's username comes from: the packet, or the client certificate */
    MqttConnectionHandler(Broker broker, TlsSettings.ClientIdentity identity) {
        this(broker, identity, null);
    }

    /** @param listenerId the {@link ListenerSpec#id()} of the listener the connection came in on, or null */
    MqttConnectionHandler(Broker broker, TlsSettings.ClientIdentity identity, String listenerId) {
        this.broker = broker;
        this.identity = identity;
        this.listenerId = listenerId;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        connection = broker.accept(this, listenerId);
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttPacket packet) {
        broker.metrics().packetReceived();
        if (packet instanceof ConnectPacket connect) {
            if (identity == TlsSettings.ClientIdentity.CONNECT_PACKET) {
                connection.connect(PacketTranslation.toConnectRequest(connect));
                return;
            }
            String certificateUsername = PeerIdentity.username(ctx.pipeline(), identity);
            if (certificateUsername == null) {
                // As Mosquitto with use_identity_as_username / use_subject_as_username: no certificate (or no
                // CN in it) means no username, refused before authentication. The one CONNACK the transport
                // decides, because only the transport sees the certificate.
                LOG.log(System.Logger.Level.INFO, () -> "Client " + remoteAddress()
                        + " refused: no client certificate identity to use as username.");
                connack(false, ConnectReturnCode.BAD_USERNAME_OR_PASSWORD);
                close();
                return;
            }
            connection.connect(PacketTranslation.toConnectRequest(connect, certificateUsername));
            return;
        }
        if (connection.awaitsConnect()) {
            connection.protocolViolation("first packet was " + packet.getClass().getSimpleName() + ", not CONNECT");
            return;
        }
        if (packet instanceof PublishPacket publish) {
            connection.publish(PacketTranslation.toPublishRequest(publish));
        } else if (packet instanceof PubackPacket ack) {
            connection.puback(ack.packetId());
        } else if (packet instanceof PubrecPacket rec) {
            connection.pubrec(rec.packetId());
        } else if (packet instanceof PubrelPacket rel) {
            connection.pubrel(rel.packetId());
        } else if (packet instanceof PubcompPacket comp) {
            connection.pubcomp(comp.packetId());
        } else if (packet instanceof SubscribePacket subscribe) {
            connection.subscribe(subscribe.packetId(), PacketTranslation.toSubscriptionRequests(subscribe));
        } else if (packet instanceof UnsubscribePacket unsubscribe) {
            connection.unsubscribe(unsubscribe.packetId(), unsubscribe.filters());
        } else if (packet == PingreqPacket.INSTANCE) {
            connection.ping();
        } else if (packet instanceof DisconnectPacket) {
            connection.disconnect();
        } else {
            connection.protocolViolation("a client may not send " + packet.getClass().getSimpleName());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ReadTimeout.Expired.INSTANCE) {
            connection.keepAliveExpired();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            connection.writable();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        connection.connectionLost();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException && cause.getCause() instanceof javax.net.ssl.SSLException tlsError) {
            LOG.log(System.Logger.Level.DEBUG, () -> "TLS error on " + remoteAddress() + ": " + tlsError.getMessage());
            ctx.close();
        } else if (cause instanceof DecoderException) {
            Throwable reason = cause.getCause() != null && !(cause instanceof io.culex.adapters.netty.codec.MalformedPacketException)
                    ? cause.getCause() : cause;
            connection.protocolViolation("malformed packet: " + reason.getMessage());
        } else if (cause instanceof IOException) {
            LOG.log(System.Logger.Level.DEBUG, () -> "I/O error on " + remoteAddress() + ": " + cause.getMessage());
            ctx.close();
        } else {
            LOG.log(System.Logger.Level.WARNING, "unexpected error on connection " + remoteAddress(), cause);
            connection.protocolViolation("internal error: " + cause);
        }
    }

    // ---- Outbound ----

    @Override
    public void connack(boolean sessionPresent, ConnectReturnCode code) {
        int wireCode = MqttCodec.protocolLevel(channel) == MqttCodec.MQTT_5
                ? ConnackPacket.mqtt5ReasonCode(code.wireValue()) : code.wireValue();
        write(new ConnackPacket(sessionPresent, wireCode));
    }

    @Override
    public void publish(int packetId, Delivery delivery, boolean dup) {
        write(new PublishPacket(delivery.message().topic(), delivery.message().payload(), delivery.qos().value(),
                delivery.retainFlag(), dup, packetId));
    }

    @Override
    public void puback(int packetId) {
        write(new PubackPacket(packetId));
    }

    @Override
    public void pubrec(int packetId) {
        write(new PubrecPacket(packetId));
    }

    @Override
    public void pubrel(int packetId) {
        write(new PubrelPacket(packetId));
    }

    @Override
    public void pubcomp(int packetId) {
        write(new PubcompPacket(packetId));
    }

    @Override
    public void suback(int packetId, List<Integer> returnCodes) {
        write(new SubackPacket(packetId, returnCodes));
    }

    @Override
    public void unsuback(int packetId) {
        write(new UnsubackPacket(packetId));
    }

    @Override
    public void pingresp() {
        write(PingrespPacket.INSTANCE);
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public void close() {
        // Flush first so a CONNACK refusal or queued acks reach the client before the FIN.
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public void expectTrafficWithin(long millis) {
        channel.eventLoop().execute(() -> {
            if (channel.pipeline().get(ReadTimeout.NAME) != null) {
                channel.pipeline().remove(ReadTimeout.NAME);
            }
            if (millis > 0) {
                channel.pipeline().addFirst(ReadTimeout.NAME, new ReadTimeout(millis, TimeUnit.MILLISECONDS));
            }
        });
    }

    @Override
    public Executor eventLoop() {
        return channel.eventLoop();
    }

    @Override
    public String remoteAddress() {
        Object address = channel.remoteAddress();
        return address == null ? "unknown" : address.toString().replaceFirst("^/", "");
    }

    private void write(MqttPacket packet) {
        broker.metrics().packetSent();
        channel.write(packet, channel.voidPromise());
    }
}
