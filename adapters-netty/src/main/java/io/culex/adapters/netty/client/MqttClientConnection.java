package io.culex.adapters.netty.client;

import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.MqttDecoder;
import io.culex.adapters.netty.codec.MqttEncoder;
import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.adapters.netty.codec.TopicSubscription;
import io.culex.adapters.netty.codec.WillPacketPart;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.SSLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A small MQTT 3.1 / 3.1.1 / 5 client connection over our own codec, for the command-line tools.
 * Requests return futures completed by the broker's acknowledgement (QoS 0 publishes: once written);
 * they fail with {@link MqttClientException} when the connection is lost first. Its API exposes
 * only JDK and client types, so callers outside the Netty adapter never see Netty.
 *
 * <p>One I/O thread per connection: a tool holds one connection, so sharing loops buys nothing.
 */
public final class MqttClientConnection implements AutoCloseable {

    /** The decoder's largest remaining length: the spec's maximum, since the broker decides sizes. */
    private static final int MAX_REMAINING_LENGTH = 268_435_455;

    private final ClientOptions options;
    private final EventLoopGroup group;
    private final ClientHandler handler;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private MqttClientConnection(ClientOptions options, ClientListener listener) {
        this.options = options;
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.handler = new ClientHandler(connectPacket(options), new ClosingListener(listener, closed));
    }

    /**
     * Opens the TCP connection and sends CONNECT. The returned connection's {@link #connected()}
     * completes at CONNACK; close it in every case.
     */
    public static MqttClientConnection open(ClientOptions options, ClientListener listener) {
        MqttClientConnection connection = new MqttClientConnection(options, listener);
        connection.start();
        return connection;
    }

    private void start() {
        SslContext ssl;
        try {
            ssl = options.tls() == null ? null : ClientTlsContexts.forTls(options.tls());
        } catch (MqttClientException e) {
            closed.complete(null);
            handler.connected().completeExceptionally(e);
            return;
        }
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, options.connectTimeoutMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            // Host and port: SNI and, unless insecure, the host name check.
                            SslHandler tls = ssl.newHandler(ch.alloc(), options.host(), options.port());
                            tls.handshakeFuture().addListener(f -> {
                                if (f.cause() != null) {
                                    handler.connected().completeExceptionally(tlsError(f.cause()));
                                }
                            });
                            ch.pipeline().addLast(tls, new TlsFailures());
                        }
                        if (options.keepAliveSeconds() > 0) {
                            ch.pipeline().addLast(ClientHandler.KEEP_ALIVE_HANDLER,
                                    new IdleStateHandler(0, options.keepAliveSeconds(), 0));
                        }
                        ch.pipeline()
                                .addLast(ClientHandler.DECODER_HANDLER,
                                        new MqttDecoder(MAX_REMAINING_LENGTH, options.version().level()))
                                .addLast(MqttEncoder.INSTANCE)
                                .addLast(handler);
                    }
                });
        bootstrap.connect(options.host(), options.port()).addListener(f -> {
            if (f.cause() != null) {
                // Closed first: whoever is woken by the failure must already see the connection closed.
                closed.complete(null);
                handler.connected().completeExceptionally(networkError(f.cause()));
            }
        });
    }

    /** Completes with CONNACK's session-present flag; fails with {@link ConnectionRefusedException} or {@link MqttClientException}. */
    public CompletableFuture<Boolean> connected() {
        return handler.connected().copy();
    }

    /**
     * The accepting CONNACK's properties: on MQTT 5 what the broker assigned or imposes (Assigned
     * Client Identifier, Receive Maximum, Maximum QoS, ...); empty on 3.x. Fails as {@link #connected()}.
     */
    public CompletableFuture<MqttProperties> connackProperties() {
        return handler.connackProperties().copy();
    }

    /** Completes when the QoS flow is done: written (QoS 0), PUBACK (1) or PUBCOMP (2). */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        return publish(topic, payload, qos, retain, MqttProperties.EMPTY);
    }

    /**
     * Publishes with MQTT 5 properties (message expiry, content type, response topic, user
     * properties, ...). On MQTT 5 the future fails with {@link PublishRefusedException} when the
     * broker acknowledges with a failure reason code. Properties on a 3.x connection fail the future.
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain,
            MqttProperties properties) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!properties.isEmpty() && options.version() != MqttVersion.MQTT_5) {
            done.completeExceptionally(new MqttClientException("PUBLISH properties need MQTT 5."));
            return done;
        }
        onLoop(done, () -> handler.publish(topic, payload, qos, retain, properties, done));
        return done;
    }

    /** Subscribes to every filter at {@code qos} in one SUBSCRIBE; completes with SUBACK's return codes. */
    public CompletableFuture<List<Integer>> subscribe(List<String> filters, int qos) {
        return subscribe(filters.stream().map(f -> new TopicSubscription(f, qos)).toList(), MqttProperties.EMPTY);
    }

    /**
     * Subscribes with MQTT 5 subscription options (No Local, Retain As Published, Retain Handling;
     * on 3.x only the QoS is sent) and properties (a Subscription Identifier, user properties;
     * MQTT 5 only, else the future fails). Completes with SUBACK's codes, MQTT 5 failure codes included.
     */
    public CompletableFuture<List<Integer>> subscribe(List<TopicSubscription> subscriptions, MqttProperties properties) {
        CompletableFuture<List<Integer>> done = new CompletableFuture<>();
        if (!properties.isEmpty() && options.version() != MqttVersion.MQTT_5) {
            done.completeExceptionally(new MqttClientException("SUBSCRIBE properties need MQTT 5."));
            return done;
        }
        onLoop(done, () -> handler.subscribe(subscriptions, properties, done));
        return done;
    }

    public CompletableFuture<Void> unsubscribe(List<String> filters) {
        return unsubscribe(filters, MqttProperties.EMPTY);
    }

    /** Unsubscribes with MQTT 5 properties (user properties); properties on a 3.x connection fail the future. */
    public CompletableFuture<Void> unsubscribe(List<String> filters, MqttProperties properties) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!properties.isEmpty() && options.version() != MqttVersion.MQTT_5) {
            done.completeExceptionally(new MqttClientException("UNSUBSCRIBE properties need MQTT 5."));
            return done;
        }
        onLoop(done, () -> handler.unsubscribe(filters, properties, done));
        return done;
    }

    /** Sends DISCONNECT (so the broker drops the will) and closes; completes once the socket is closed. */
    public CompletableFuture<Void> disconnect() {
        return disconnect(MqttProperties.EMPTY);
    }

    /**
     * Sends DISCONNECT (reason code 0) with MQTT 5 properties (a new Session Expiry Interval, user
     * properties; ignored on 3.x, which has none) and closes; completes once the socket is closed.
     */
    public CompletableFuture<Void> disconnect(MqttProperties properties) {
        return disconnect(0, properties);
    }

    /**
     * Sends DISCONNECT with an MQTT 5 reason code (0 normal, 4 "disconnect with will message": the
     * broker then publishes the will) and properties, and closes. On 3.x both are dropped: DISCONNECT
     * has neither there, and always discards the will.
     */
    public CompletableFuture<Void> disconnect(int reasonCode, MqttProperties properties) {
        boolean mqtt5 = options.version() == MqttVersion.MQTT_5;
        int code = mqtt5 ? reasonCode : 0;
        MqttProperties sent = mqtt5 ? properties : MqttProperties.EMPTY;
        onLoop(closed, () -> handler.disconnect(code, sent));
        return closed;
    }

    /** Completes when the connection is closed, by either side or because it never opened. */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    /** Closes the socket without DISCONNECT (the broker then publishes the will) and stops the I/O thread. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        closed.complete(null);
    }

    private void onLoop(CompletableFuture<?> done, Runnable action) {
        try {
            group.next().execute(() -> {
                if (handler.isOpen()) {
                    action.run();
                } else {
                    done.completeExceptionally(new MqttClientException("The connection is not open."));
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new MqttClientException("The connection is closed.", e));
        }
    }

    private static MqttClientException networkError(Throwable cause) {
        if (cause instanceof ConnectException) {
            return new MqttClientException("Connection refused", cause);
        } else if (cause instanceof UnknownHostException) {
            return new MqttClientException("Lookup error.", cause);
        }
        return new MqttClientException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
    }

    /** "A TLS error occurred: " and the innermost TLS reason, such as the certificate path the broker sent failing. */
    private static MqttClientException tlsError(Throwable cause) {
        Throwable reason = cause;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof GeneralSecurityException) {
                reason = t;
            }
        }
        String text = reason.getMessage() == null ? reason.toString() : reason.getMessage();
        return new MqttClientException("A TLS error occurred: " + text, cause);
    }

    /**
     * Reports TLS alerts after the handshake (TLS 1.3 brokers refuse a missing client certificate only then)
     * as TLS errors, before the MQTT handler turns them into a protocol error.
     */
    private final class TlsFailures extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof SSLException) {
                    handler.connected().completeExceptionally(tlsError(cause));
                    break;
                }
            }
            ctx.fireExceptionCaught(cause);
        }
    }

    private static ConnectPacket connectPacket(ClientOptions options) {
        ClientWill will = options.will();
        WillPacketPart willPart = will == null ? null
                : new WillPacketPart(will.topic(), will.payload(), will.qos(), will.retain(), will.properties());
        return new ConnectPacket(options.version().protocolName(), options.version().level(), options.clientId(),
                options.cleanSession(), options.keepAliveSeconds(), options.username(), options.password(), willPart,
                options.properties());
    }

    /** Completes {@link #closed()} after the caller's listener heard of the close. */
    private record ClosingListener(ClientListener delegate, CompletableFuture<Void> closed) implements ClientListener {
        @Override
        public void messageArrived(ReceivedMessage message) {
            delegate.messageArrived(message);
        }

        @Override
        public void packetLogged(String description) {
            delegate.packetLogged(description);
        }

        @Override
        public void connackReceived(int returnCode, MqttProperties properties) {
            delegate.connackReceived(returnCode, properties);
        }

        @Override
        public void subscribed(int messageId, List<Integer> grantedQos) {
            delegate.subscribed(messageId, grantedQos);
        }

        @Override
        public void disconnectedByServer(int reasonCode, MqttProperties properties) {
            delegate.disconnectedByServer(reasonCode, properties);
        }

        @Override
        public void connectionClosed() {
            delegate.connectionClosed();
            closed.complete(null);
        }
    }
}
