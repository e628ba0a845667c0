package io.culex.adapters.netty;

import io.culex.adapters.netty.codec.MqttDecoder;
import io.culex.adapters.netty.codec.MqttEncoder;
import io.culex.adapters.netty.http.HttpApi;
import io.culex.adapters.netty.http.HttpApiHandler;
import io.culex.application.Broker;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The MQTT transport: accepts connections on any number of listeners, each plain or TLS, MQTT over TCP
 * or over WebSockets, and feeds each connection's packets to the application's {@link Broker}.
 */
public final class MqttServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.culex.transport");
    /** MQTT 3.1.1 section 6: "mqtt"; Mosquitto also accepts MQTT 3.1's "mqttv3.1". */
    private static final String WEBSOCKET_SUBPROTOCOLS = "mqtt,mqttv3.1";
    private static final int MAX_HTTP_REQUEST_BYTES = 64 * 1024;
    /** How often TLS listeners' certificate, key, CA and CRL files are checked for changes by default. */
    public static final Duration DEFAULT_TLS_WATCH_INTERVAL = Duration.ofSeconds(5);
    /** An idle HTTP keep-alive connection is closed after this long. */
    private static final int HTTP_IDLE_SECONDS = 60;
    private static final int ADMIN_THREADS = 2;

    private final Broker broker;
    private final TransportSettings settings;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final ChannelGroup channels = new DefaultChannelGroup("culex", GlobalEventExecutor.INSTANCE);
    private final List<ReloadableTls> tlsListeners = new CopyOnWriteArrayList<>();
    private Duration tlsWatchInterval = DEFAULT_TLS_WATCH_INTERVAL; // guarded by this
    private ScheduledExecutorService tlsWatcher; // guarded by this; started with the first TLS listener
    private boolean closed; // guarded by this
    private ExecutorService adminExecutor; // guarded by this; started with the first HTTP API connection
    /** Starts as the settings say; a configuration reload may change it for the connections accepted later. */
    private volatile int maxRemainingLength;

    public MqttServer(Broker broker, TransportSettings settings) {
        this.broker = broker;
        this.settings = settings;
        this.maxRemainingLength = settings.maxRemainingLength();
        this.acceptors = NativeTransport.newEventLoopGroup(1);
        this.workers = NativeTransport.newEventLoopGroup(settings.ioThreads());
    }

    /** The worker event loops, for the connections the broker opens itself (bridges, see NettyRemoteConnector.on). */
    public EventLoopGroup workerGroup() {
        return workers;
    }

    /**
     * Binds a plain MQTT listener and returns the address it is bound to (port 0 picks a free port).
     *
     * @param host null or empty for every interface
     * @throws TransportException if the address cannot be bound
     */
    public InetSocketAddress bind(String host, int port) {
        return bind(ListenerSpec.plain(host, port));
    }

    /**
     * Binds a listener as {@code spec} describes and returns the address it is bound to.
     *
     * @throws TransportException if the address cannot be bound or the TLS files cannot be used
     */
    public InetSocketAddress bind(ListenerSpec spec) {
        if (spec.protocol() == ListenerSpec.Protocol.HTTP_API) {
            throw new IllegalArgumentException("an http_api listener is bound with bindHttpApi");
        }
        return bind(spec, null);
    }

    /**
     * Binds an HTTP API listener ({@code protocol http_api}, plain or TLS as {@code spec} says) serving {@code api},
     * and returns the address it is bound to.
     *
     * @throws TransportException if the address cannot be bound or the TLS files cannot be used
     */
    public InetSocketAddress bindHttpApi(ListenerSpec spec, HttpApi api) {
        if (spec.protocol() != ListenerSpec.Protocol.HTTP_API) {
            throw new IllegalArgumentException("not an http_api listener: " + spec.protocol());
        }
        return bind(spec, api);
    }

    private InetSocketAddress bind(ListenerSpec spec, HttpApi httpApi) {
        String host = spec.host();
        InetSocketAddress requested = host == null || host.isEmpty()
                ? new InetSocketAddress(spec.port()) : new InetSocketAddress(host, spec.port());
        ReloadableTls tls;
        try {
            tls = spec.tls() == null ? null : ReloadableTls.load(spec.tls(), requested);
        } catch (TransportException e) {
            throw new TransportException("listener " + requested + ": " + e.getMessage(), e);
        }
        ConnectionLimit limit = new ConnectionLimit(spec.maxConnections());
        TrafficCounter trafficCounter = new TrafficCounter(broker.metrics(),
                spec.id() == null ? null : broker.metrics().listener(spec.id()));
        TlsSettings.ClientIdentity identity = spec.tls() == null
                ? TlsSettings.ClientIdentity.CONNECT_PACKET : spec.tls().identity();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NativeTransport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(settings.writeBufferLowBytes(), settings.writeBufferHighBytes()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    /** The context current now: a reload affects later connections only. */
                    private void addTls(ChannelPipeline pipeline, SocketChannel channel) {
                        if (tls != null) {
                            pipeline.addLast(PeerIdentity.SSL_HANDLER, tls.current().newHandler(channel.alloc()));
                        }
                    }

                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (!limit.admit(channel)) {
                            return;
                        }
                        channels.add(channel);
                        ChannelPipeline pipeline = channel.pipeline();
                        if (httpApi != null) {
                            // Not MQTT traffic: no $SYS byte counts, no CONNECT timeout.
                            addTls(pipeline, channel);
                            pipeline.addLast("http-idle", new ReadTimeoutHandler(HTTP_IDLE_SECONDS))
                                    .addLast("http", new HttpServerCodec())
                                    .addLast("http-aggregator", new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES))
                                    .addLast("http-api", new HttpApiHandler(httpApi, adminExecutor()));
                            return;
                        }
                        pipeline.addLast(TrafficCounter.NAME, trafficCounter);
                        addTls(pipeline, channel);
                        if (spec.protocol() == ListenerSpec.Protocol.WEBSOCKETS) {
                            pipeline.addLast("http", new HttpServerCodec())
                                    .addLast("http-aggregator", new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES))
                                    .addLast("websocket", new WebSocketServerProtocolHandler(webSocketConfig()))
                                    .addLast(WebSocketFrames.NAME, new WebSocketFrames());
                        }
                        pipeline.addLast("decoder", new MqttDecoder(maxRemainingLength))
                                .addLast("encoder", MqttEncoder.INSTANCE)
                                .addLast("mqtt", new MqttConnectionHandler(broker, identity, spec.id(),
                                        settings.connectTimeoutMillis()));
                    }
                });
        try {
            Channel listener = bootstrap.bind(requested).sync().channel();
            channels.add(listener);
            InetSocketAddress bound = (InetSocketAddress) listener.localAddress();
            LOG.log(System.Logger.Level.INFO, "Opening " + description(spec) + " listen socket on "
                    + bound.getAddress().getHostAddress() + " port " + bound.getPort() + ".");
            if (tls != null) {
                tls.boundTo(bound);
                tlsListeners.add(tls);
                startTlsWatcher();
            }
            return bound;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while binding " + requested, e);
        } catch (Exception e) { // sync() rethrows the bind's IOException (e.g. address in use) unchecked
            throw new TransportException("cannot listen on " + requested + ": " + e.getMessage(), e);
        }
    }

    /**
     * Re-reads the certificate, key, CA and CRL files of every TLS listener now (SIGHUP). A listener whose
     * files cannot be used keeps its previous certificate; connections already open are never affected.
     */
    public TlsReloadSummary reloadTls() {
        int reloaded = 0;
        List<String> failures = new ArrayList<>();
        for (ReloadableTls tls : tlsListeners) {
            String failure = tls.reload();
            if (failure == null) {
                reloaded++;
            } else {
                failures.add("listener on " + tls.listener() + ": " + failure);
            }
        }
        return new TlsReloadSummary(reloaded, failures);
    }

    /**
     * Sets how often the TLS files are checked for changes (by modification time, size and identity, so that
     * a file replaced by a rename is seen too); a change is reloaded once it has stayed the same for one
     * interval. {@link #DEFAULT_TLS_WATCH_INTERVAL} unless set.
     */
    public synchronized void watchTlsFiles(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("TLS watch interval must be positive, got " + interval);
        }
        tlsWatchInterval = interval;
        if (tlsWatcher != null) {
            tlsWatcher.shutdownNow();
            tlsWatcher = null;
            startTlsWatcher();
        }
    }

    private synchronized void startTlsWatcher() {
        if (tlsWatcher != null || closed) {
            return;
        }
        tlsWatcher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "culex-tls-watcher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = tlsWatchInterval.toMillis();
        tlsWatcher.scheduleWithFixedDelay(this::pollTlsFiles, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void pollTlsFiles() {
        for (ReloadableTls tls : tlsListeners) {
            try {
                tls.poll();
            } catch (RuntimeException e) { // never let one failure stop the watcher
                LOG.log(System.Logger.Level.ERROR, "Error: checking the TLS files of the listener on "
                        + tls.listener() + " failed: " + e);
            }
        }
    }

    /**
     * A configuration reload (max_packet_size, message_size_limit): connections accepted from now on refuse packets
     * announcing a longer body; open connections keep the limit they started with.
     */
    public void maxRemainingLength(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxRemainingLength must not be negative, got " + bytes);
        }
        maxRemainingLength = bytes;
    }

    /** Any path (Mosquitto ignores it); a frame may carry up to one whole packet of the largest size allowed. */
    private WebSocketServerProtocolConfig webSocketConfig() {
        int maxFrame = (int) Math.min(Integer.MAX_VALUE, maxRemainingLength + 5L);
        return WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/")
                .checkStartsWith(true)
                .subprotocols(WEBSOCKET_SUBPROTOCOLS)
                .maxFramePayloadLength(Math.max(maxFrame, 64 * 1024))
                .build();
    }

    /** The admin API's requests may wait for sessions: they run here, never on the event loops. */
    private synchronized Executor adminExecutor() {
        if (adminExecutor == null) {
            adminExecutor = Executors.newFixedThreadPool(ADMIN_THREADS, task -> {
                Thread thread = new Thread(task, "culex-admin-http");
                thread.setDaemon(true);
                return thread;
            });
        }
        return adminExecutor;
    }

    private static String description(ListenerSpec spec) {
        String protocol = spec.protocol() == ListenerSpec.Protocol.WEBSOCKETS ? "websockets"
                : spec.protocol() == ListenerSpec.Protocol.HTTP_API ? "http_api" : "mqtt";
        return spec.tls() == null ? protocol : protocol + " (TLS)";
    }

    /** Closes every listener and connection and stops the event loops. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (tlsWatcher != null) {
                tlsWatcher.shutdownNow();
                tlsWatcher = null;
            }
            if (adminExecutor != null) {
                adminExecutor.shutdownNow();
            }
        }
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
