package io.culex.adapters.netty.client;

import io.culex.adapters.netty.codec.ConnackPacket;
import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.MqttDecoder;
import io.culex.adapters.netty.codec.MqttEncoder;
import io.culex.adapters.netty.codec.MqttPacket;
import io.culex.adapters.netty.codec.PubackPacket;
import io.culex.adapters.netty.codec.PubcompPacket;
import io.culex.adapters.netty.codec.PublishPacket;
import io.culex.adapters.netty.codec.PubrecPacket;
import io.culex.adapters.netty.codec.PubrelPacket;
import io.culex.adapters.netty.codec.SubackPacket;
import io.culex.adapters.netty.codec.SubscribePacket;
import io.culex.adapters.netty.codec.TopicSubscription;
import io.culex.adapters.netty.codec.UnsubackPacket;
import io.culex.adapters.netty.codec.UnsubscribePacket;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A minimal broker for client tests, on 127.0.0.1: accepts every CONNECT except client id
 * "refuse-me" (CONNACK 5), grants every SUBSCRIBE, acknowledges QoS flows, and echoes every PUBLISH
 * back to its sender at the same QoS with packet id 7, so inbound flows are exercised too.
 * A PUBLISH to "close" makes it drop the connection.
 */
final class ScriptedBroker implements AutoCloseable {

    final List<MqttPacket> received = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel listener;

    ScriptedBroker() throws InterruptedException {
        listener = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new MqttDecoder(1 << 20), MqttEncoder.INSTANCE, new Script());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private final class Script extends SimpleChannelInboundHandler<MqttPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, MqttPacket packet) {
            received.add(packet);
            if (packet instanceof ConnectPacket connect) {
                ctx.writeAndFlush(new ConnackPacket(false, "refuse-me".equals(connect.clientId()) ? 5 : 0));
            } else if (packet instanceof SubscribePacket subscribe) {
                ctx.writeAndFlush(new SubackPacket(subscribe.packetId(),
                        subscribe.subscriptions().stream().map(TopicSubscription::qos).toList()));
            } else if (packet instanceof UnsubscribePacket unsubscribe) {
                ctx.writeAndFlush(new UnsubackPacket(unsubscribe.packetId()));
            } else if (packet instanceof PublishPacket publish) {
                if (publish.topic().equals("close")) {
                    ctx.close();
                    return;
                }
                if (publish.qos() == 1) {
                    ctx.write(new PubackPacket(publish.packetId()));
                } else if (publish.qos() == 2) {
                    ctx.write(new PubrecPacket(publish.packetId()));
                }
                ctx.writeAndFlush(new PublishPacket(publish.topic(), publish.payload(), publish.qos(), false, false,
                        publish.qos() == 0 ? 0 : 7));
            } else if (packet instanceof PubrelPacket pubrel) {
                ctx.writeAndFlush(new PubcompPacket(pubrel.packetId()));
            } else if (packet instanceof PubrecPacket pubrec) {
                ctx.writeAndFlush(new PubrelPacket(pubrec.packetId()));
            }
        }
    }
}
