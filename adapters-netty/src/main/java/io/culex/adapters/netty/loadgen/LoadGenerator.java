package io.culex.adapters.netty.loadgen;

import io.culex.adapters.netty.client.ClientOptions;
import io.culex.adapters.netty.client.ClientTlsContexts;
import io.culex.adapters.netty.client.MqttVersion;
import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.MqttDecoder;
import io.culex.adapters.netty.codec.MqttEncoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Opens {@link LoadConnection}s on one shared event loop group: thousands of connections cost a few
 * threads, not one each as {@link io.culex.adapters.netty.client.MqttClientConnection} does.
 */
public final class LoadGenerator implements AutoCloseable {

    /** The spec's largest remaining length: the broker decides sizes. */
    private static final int MAX_REMAINING_LENGTH = 268_435_455;

    private final EventLoopGroup group;
    private final SslContext ssl;

    /**
     * @param threads I/O threads shared by all connections
     * @param tls     null for plain TCP
     * @throws io.culex.adapters.netty.client.MqttClientException if the TLS files cannot be used
     */
    public LoadGenerator(int threads, ClientOptions.Tls tls) {
        this.ssl = tls == null ? null : ClientTlsContexts.forTls(tls);
        this.group = new MultiThreadIoEventLoopGroup(threads,
                Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /** "epoll" or "nio": which transport the connections use. */
    public static String transportName() {
        return Epoll.isAvailable() ? "epoll" : "nio";
    }

    /**
     * Opens a connection and sends CONNECT; {@code listener} hears CONNACK and everything after, or
     * {@link LoadListener#closed} if it fails. {@code options.tls()} is ignored: the generator's TLS applies.
     */
    public void connect(ClientOptions options, LoadListener listener) {
        LoadHandler handler = new LoadHandler(connectPacket(options), listener);
        new Bootstrap()
                .group(group)
                .channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, options.connectTimeoutMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), options.host(), options.port()));
                        }
                        if (options.keepAliveSeconds() > 0) {
                            ch.pipeline().addLast(new IdleStateHandler(0, options.keepAliveSeconds(), 0));
                        }
                        ch.pipeline()
                                .addLast(new MqttDecoder(MAX_REMAINING_LENGTH))
                                .addLast(MqttEncoder.INSTANCE)
                                .addLast(handler);
                    }
                })
                .connect(options.host(), options.port())
                .addListener(f -> {
                    if (f.cause() != null) {
                        handler.connectFailed(f.cause());
                    }
                });
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static ConnectPacket connectPacket(ClientOptions options) {
        MqttVersion version = options.version();
        return new ConnectPacket(version.protocolName(), version.level(), options.clientId(), options.cleanSession(),
                options.keepAliveSeconds(), options.username(), options.password(), null);
    }
}
