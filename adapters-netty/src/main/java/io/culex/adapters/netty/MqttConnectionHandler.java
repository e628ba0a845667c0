package io.culex.adapters.netty;

import io.culex.adapters.netty.codec.AuthPacket;
import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.DisconnectPacket;
import io.culex.adapters.netty.codec.MalformedPacketException;
import io.culex.adapters.netty.codec.MqttCodec;
import io.culex.adapters.netty.codec.MqttPacket;
import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.adapters.netty.codec.PacketWriter;
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
import io.culex.application.connection.Connack;
import io.culex.application.connection.ConnectProperties;
import io.culex.application.connection.ConnectRequest;
import io.culex.application.connection.Outbound;
import io.culex.application.protocol.ProtocolVersion;
import io.culex.application.protocol.ReasonCode;
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
    private final long connectTimeoutMillis;
    private Channel channel;
    private ClientConnection connection;
    private ReadTimeout readTimeout;
    // Fixed by CONNECT, on the event loop, before any packet is written to the client.
    private volatile int protocolLevel = MqttCodec.MQTT_3_1_1;
    private volatile long maximumPacketSize = ConnectProperties.NO_LIMIT;
    private volatile OutboundTopicAliases topicAliases = OutboundTopicAliases.NONE;
    // Set when the channel is active, before any CONNECT could ask for flow control.
    private volatile ReadPause readPause;

    /**
     * @param identity where the CONNECT's username comes from: the packet, or the client certificate
     * @param listenerId the {@link ListenerSpec#id()} of the listener the connection came in on, or null
     * @param connectTimeoutMillis how long a new connection may take to send CONNECT (0: no limit)
     */
    MqttConnectionHandler(Broker broker, TlsSettings.ClientIdentity identity, String listenerId,
            long connectTimeoutMillis) {
        this.broker = broker;
        this.identity = identity;
        this.listenerId = listenerId;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        readPause = new ReadPause(channel);
        connection = broker.accept(this, listenerId);
        readTimeout = new ReadTimeout(channel.eventLoop(), connection::keepAliveExpired);
        readTimeout.restart(connectTimeoutMillis);
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttPacket packet) {
        broker.metrics().packetReceived();
        if (packet instanceof ConnectPacket connect) {
            connect(ctx, connect);
            return;
        }
        if (connection.awaitsConnect()) {
            connection.protocolViolation("first packet was " + packet.getClass().getSimpleName() + ", not CONNECT");
            return;
        }
        if (packet instanceof PublishPacket publish) {
            if (!publish.properties().subscriptionIdentifiers().isEmpty()) {
                connection.protocolViolation("a client may not send Subscription Identifiers in PUBLISH");
                return;
            }
            connection.publish(PacketTranslation.toPublishRequest(publish));
        } else if (packet instanceof PubackPacket ack) {
            connection.puback(ack.packetId());
        } else if (packet instanceof PubrecPacket rec) {
            connection.pubrec(rec.packetId(), rec.reasonCode());
        } else if (packet instanceof PubrelPacket rel) {
            connection.pubrel(rel.packetId());
        } else if (packet instanceof PubcompPacket comp) {
            connection.pubcomp(comp.packetId());
        } else if (packet instanceof SubscribePacket subscribe) {
            connection.subscribe(subscribe.packetId(), PacketTranslation.toSubscriptionRequests(subscribe),
                    PacketTranslation.subscriptionId(subscribe));
        } else if (packet instanceof UnsubscribePacket unsubscribe) {
            connection.unsubscribe(unsubscribe.packetId(), unsubscribe.filters());
        } else if (packet instanceof PingreqPacket) {
            connection.ping();
        } else if (packet instanceof AuthPacket auth) {
            connection.auth(auth.reasonCode(), auth.properties().authenticationMethod(),
                    auth.properties().authenticationData());
        } else if (packet instanceof DisconnectPacket disconnect) {
            connection.disconnect(disconnect.reasonCode(), PacketTranslation.sessionExpiry(disconnect.properties()));
        } else {
            connection.protocolViolation("a client may not send " + packet.getClass().getSimpleName());
        }
    }

    private void connect(ChannelHandlerContext ctx, ConnectPacket connect) {
        protocolLevel = connect.protocolLevel();
        ConnectRequest request;
        if (identity == TlsSettings.ClientIdentity.CONNECT_PACKET) {
            request = PacketTranslation.toConnectRequest(connect);
        } else {
            String certificateUsername = PeerIdentity.username(ctx.pipeline(), identity);
            if (certificateUsername == null) {
                // As Mosquitto with use_identity_as_username / use_subject_as_username: no certificate (or no
                // CN in it) means no username, refused before authentication. The one CONNACK the transport
                // decides, because only the transport sees the certificate.
                LOG.log(System.Logger.Level.INFO, () -> "Client " + remoteAddress()
                        + " refused: no client certificate identity to use as username.");
                ProtocolVersion version = ProtocolVersion.ofLevel(protocolLevel);
                connack(Connack.refused((version != null ? version : ProtocolVersion.MQTT_3_1_1)
                        .connackCode(ReasonCode.BAD_USER_NAME_OR_PASSWORD), null));
                close();
                return;
            }
            request = PacketTranslation.toConnectRequest(connect, certificateUsername);
        }
        maximumPacketSize = request.properties().maximumPacketSize();
        topicAliases = OutboundTopicAliases.forClientMaximum(request.properties().topicAliasMaximum());
        connection.connect(request);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        // Every read reaches here, also one that completed no packet (part of a large PUBLISH, a TLS record).
        readTimeout.readSeen();
        super.channelReadComplete(ctx);
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
        readTimeout.stop();
        connection.connectionLost();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException && cause.getCause() instanceof javax.net.ssl.SSLException tlsError) {
            LOG.log(System.Logger.Level.DEBUG, () -> "TLS error on " + remoteAddress() + ": " + tlsError.getMessage());
            ctx.close();
        } else if (cause instanceof MalformedPacketException malformed) {
            connection.malformed(malformed.reasonCode(), "malformed packet: " + malformed.getMessage());
        } else if (cause instanceof DecoderException) {
            Throwable reason = cause.getCause() != null ? cause.getCause() : cause;
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
    public void connack(Connack connack) {
        write(OutboundPackets.connack(connack));
    }

    @Override
    public boolean publish(int packetId, Delivery delivery, boolean dup, long messageExpirySeconds) {
        OutboundTopicAliases.Choice alias = topicAliases.choose(delivery.message().topic());
        PublishPacket packet = OutboundPackets.publish(packetId, delivery, dup, messageExpirySeconds, alias.topic(),
                alias.alias());
        if (!fitsClient(packet)) {
            topicAliases.unsent(alias);
            LOG.log(System.Logger.Level.DEBUG, () -> "PUBLISH to " + delivery.message().topic()
                    + " not sent to " + remoteAddress() + ": over its maximum packet size " + maximumPacketSize);
            return false;
        }
        send(packet);
        return true;
    }

    @Override
    public void puback(int packetId, ReasonCode code, String reasonString) {
        write(new PubackPacket(packetId, code.value(), OutboundPackets.reasonString(reasonString)));
    }

    @Override
    public void pubrec(int packetId, ReasonCode code, String reasonString) {
        write(new PubrecPacket(packetId, code.value(), OutboundPackets.reasonString(reasonString)));
    }

    @Override
    public void pubrel(int packetId, ReasonCode code) {
        write(new PubrelPacket(packetId, code.value(), MqttProperties.EMPTY));
    }

    @Override
    public void pubcomp(int packetId, ReasonCode code) {
        write(new PubcompPacket(packetId, code.value(), MqttProperties.EMPTY));
    }

    @Override
    public void suback(int packetId, List<Integer> codes) {
        write(new SubackPacket(packetId, codes));
    }

    @Override
    public void unsuback(int packetId, List<ReasonCode> codes) {
        write(new UnsubackPacket(packetId, codes.stream().map(ReasonCode::value).toList(), MqttProperties.EMPTY));
    }

    @Override
    public void disconnect(ReasonCode code, String reasonString, String serverReference) {
        MqttProperties properties = MqttProperties.builder().reasonString(reasonString)
                .serverReference(serverReference).build();
        write(new DisconnectPacket(code.value(), properties));
    }

    @Override
    public void auth(ReasonCode code, String method, byte[] data) {
        write(new AuthPacket(code.value(), MqttProperties.builder().authenticationMethod(method)
                .authenticationData(data).build()));
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
        if (channel.eventLoop().inEventLoop()) {
            restartReadTimeout(millis);
        } else {
            channel.eventLoop().execute(() -> restartReadTimeout(millis));
        }
    }

    /** Event loop. Not once the channel is closed: a timer then would only keep the dead connection in memory. */
    private void restartReadTimeout(long millis) {
        if (channel.isActive()) {
            readTimeout.restart(millis);
        }
    }

    @Override
    public Executor eventLoop() {
        return channel.eventLoop();
    }

    @Override
    public void pauseReading(long trickleMillis) {
        readPause.pause(trickleMillis);
    }

    @Override
    public void resumeReading() {
        readPause.resume();
    }

    @Override
    public String remoteAddress() {
        Object address = channel.remoteAddress();
        if (address == null) {
            return "unknown";
        }
        // "/127.0.0.1:50000" without its slash; no regex: authentication asks for it at every CONNECT.
        String text = address.toString();
        return text.startsWith("/") ? text.substring(1) : text;
    }

    /** Whether the client's Maximum Packet Size (MQTT 5) lets it take this packet. */
    private boolean fitsClient(MqttPacket packet) {
        return maximumPacketSize == ConnectProperties.NO_LIMIT
                || PacketWriter.encodedLength(packet, protocolLevel) <= maximumPacketSize;
    }

    /** Writes a packet other than PUBLISH, without its reason string and user properties if the client needs it smaller. */
    private void write(MqttPacket packet) {
        send(fitsClient(packet) ? packet : ReasonStringTrimming.trimmed(packet));
    }

    private void send(MqttPacket packet) {
        broker.metrics().packetSent();
        channel.write(packet, channel.voidPromise());
    }
}
