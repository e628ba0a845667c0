package io.culex.adapters.netty.bridge;

import io.culex.adapters.netty.MqttServer;
import io.culex.adapters.netty.client.ClientOptions;
import io.culex.adapters.netty.client.ClientTlsContexts;
import io.culex.adapters.netty.client.MqttClientException;
import io.culex.adapters.netty.codec.MqttDecoder;
import io.culex.adapters.netty.codec.MqttEncoder;
import io.culex.application.bridge.BridgeTls;
import io.culex.application.bridge.RemoteAddress;
import io.culex.application.bridge.RemoteConnectRequest;
import io.culex.application.bridge.RemoteConnector;
import io.culex.application.bridge.RemoteLinkListener;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens bridge connections to remote brokers on the broker's own event loops, speaking MQTT 3.1, 3.1.1 or 5
 * through the server's codec, in plain TCP or TLS ({@code bridge_cafile} ...). See {@link RemoteLinkHandler}
 * for the connection's life.
 */
public final class NettyRemoteConnector implements RemoteConnector {

    /** TCP, TLS and CONNACK must all be done within this. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final int WRITE_BUFFER_LOW_BYTES = 256 * 1024;
    private static final int WRITE_BUFFER_HIGH_BYTES = 1024 * 1024;

    /**
     * Host names are looked up here, off the event loops: Netty's default resolver blocks the loop it runs on,
     * and a slow DNS server would stall every client sharing it.
     */
    private static final ExecutorService RESOLVER = newResolver();

    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final Duration connectTimeout;

    /** A connector whose links live on the server's worker event loops, beside the clients' connections. */
    public static NettyRemoteConnector on(MqttServer server) {
        return new NettyRemoteConnector(server.workerGroup());
    }

    /** @param group the event loops the links live on: the broker's worker group */
    public NettyRemoteConnector(EventLoopGroup group) {
        this(group, DEFAULT_CONNECT_TIMEOUT);
    }

    public NettyRemoteConnector(EventLoopGroup group, Duration connectTimeout) {
        this.group = group;
        this.channelType = group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class)
                ? EpollSocketChannel.class : NioSocketChannel.class;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public void connect(RemoteAddress address, RemoteConnectRequest request, RemoteLinkListener listener) {
        SslContext ssl;
        try {
            ssl = request.tls() == null ? null : sslContext(request.tls());
        } catch (MqttClientException | IllegalArgumentException e) {
            // Listener calls belong on an event loop, never on the caller's thread.
            group.next().execute(() -> listener.connectFailed("TLS configuration: " + e.getMessage()));
            return;
        }
        RemoteLinkHandler handler = new RemoteLinkHandler(address, request, listener, connectTimeout.toMillis());
        int keepAlive = request.keepAliveSeconds();
        int maxRemainingLength = RemotePackets.maxRemainingLength(request.maximumPacketSize());
        int level = request.version().level();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(WRITE_BUFFER_LOW_BYTES, WRITE_BUFFER_HIGH_BYTES))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (ssl != null) {
                            // Host and port: SNI and, unless bridge_insecure, the host name check.
                            SslHandler tls = ssl.newHandler(channel.alloc(), address.host(), address.port());
                            tls.handshakeFuture().addListener(f -> {
                                if (f.cause() != null) {
                                    handler.handshakeFailed(f.cause());
                                }
                            });
                            channel.pipeline().addLast(tls);
                        }
                        if (keepAlive > 0) {
                            channel.pipeline().addLast(RemoteLinkHandler.KEEP_ALIVE_HANDLER,
                                    RemoteLinkHandler.keepAliveHandler(keepAlive));
                        }
                        channel.pipeline()
                                .addLast(RemoteLinkHandler.DECODER_HANDLER, new MqttDecoder(maxRemainingLength, level))
                                .addLast(MqttEncoder.INSTANCE)
                                .addLast(handler);
                    }
                });
        RESOLVER.execute(() -> {
            try {
                InetSocketAddress remote;
                try {
                    remote = new InetSocketAddress(InetAddress.getByName(address.host()), address.port());
                } catch (UnknownHostException e) {
                    group.next().execute(() -> listener.connectFailed("unknown host: " + address.host()));
                    return;
                }
                bootstrap.connect(remote).addListener(f -> {
                    if (f.cause() != null) {
                        handler.connectAttemptFailed(f.cause());
                    }
                });
            } catch (RejectedExecutionException e) {
                // The broker is stopping: no event loop is left to report on, so say it from here.
                listener.connectFailed("the broker is shutting down");
            }
        });
    }

    /** Resolver threads are daemons and end after a minute unused. */
    private static ExecutorService newResolver() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "culex-bridge-resolver-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static SslContext sslContext(BridgeTls tls) {
        // Java offers TLS 1.2 and 1.3; "tlsv1.1" (a minimum in Mosquitto) leaves that default.
        String version = "tlsv1.1".equals(tls.tlsVersion()) ? null : tls.tlsVersion();
        ClientOptions.Tls options = new ClientOptions.Tls(path(tls.caFile()), path(tls.caPath()), path(tls.certFile()),
                path(tls.keyFile()), tls.insecure(), version);
        return ClientTlsContexts.forTls(options, tls.alpn());
    }

    private static Path path(String file) {
        return file == null ? null : Path.of(file);
    }
}
