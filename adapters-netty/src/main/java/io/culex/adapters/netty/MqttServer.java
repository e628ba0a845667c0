package io.culex.adapters.netty;

import io.culex.adapters.netty.codec.MqttDecoder;
import io.culex.adapters.netty.codec.MqttEncoder;
import io.culex.application.Broker;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The MQTT-over-TCP transport: accepts connections on any number of listeners and
 * feeds each connection's packets to the application's {@link Broker}.
 */
public final class MqttServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.culex.transport");

    private final Broker broker;
    private final TransportSettings settings;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final ChannelGroup channels = new DefaultChannelGroup("culex", GlobalEventExecutor.INSTANCE);
    private final TrafficCounter trafficCounter;

    public MqttServer(Broker broker, TransportSettings settings) {
        this.broker = broker;
        this.settings = settings;
        this.trafficCounter = new TrafficCounter(broker.metrics());
        this.acceptors = NativeTransport.newEventLoopGroup(1);
        this.workers = NativeTransport.newEventLoopGroup(settings.ioThreads());
    }

    /**
     * Binds a listener and returns the address it is bound to (port 0 picks a free port).
     *
     * @param host null or empty for every interface
     * @throws TransportException if the address cannot be bound
     */
    public InetSocketAddress bind(String host, int port) {
        InetSocketAddress requested = host == null || host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NativeTransport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(settings.writeBufferLowBytes(), settings.writeBufferHighBytes()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        channel.pipeline()
                                .addLast(TrafficCounter.NAME, trafficCounter)
                                .addLast(ReadTimeout.NAME, new ReadTimeout(settings.connectTimeoutMillis(), TimeUnit.MILLISECONDS))
                                .addLast("decoder", new MqttDecoder(settings.maxRemainingLength()))
                                .addLast("encoder", MqttEncoder.INSTANCE)
                                .addLast("mqtt", new MqttConnectionHandler(broker));
                    }
                });
        try {
            Channel listener = bootstrap.bind(requested).sync().channel();
            channels.add(listener);
            InetSocketAddress bound = (InetSocketAddress) listener.localAddress();
            LOG.log(System.Logger.Level.INFO, "Opening listen socket on " + bound.getAddress().getHostAddress()
                    + " port " + bound.getPort() + ".");
            return bound;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while binding " + requested, e);
        } catch (RuntimeException e) {
            throw new TransportException("cannot listen on " + requested + ": " + e.getMessage(), e);
        }
    }

    /** Closes every listener and connection and stops the event loops. */
    @Override
    public void close() {
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
