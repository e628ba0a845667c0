package io.culex.adapters.netty.client;

import io.culex.adapters.netty.codec.ConnackPacket;
import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.DisconnectPacket;
import io.culex.adapters.netty.codec.MqttCodec;
import io.culex.adapters.netty.codec.MqttDecoder;
import io.culex.adapters.netty.codec.MqttEncoder;
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
import io.culex.adapters.netty.codec.SubscribePacket;
import io.culex.adapters.netty.codec.TopicSubscription;
import io.culex.adapters.netty.codec.UnsubackPacket;
import io.culex.adapters.netty.codec.UnsubscribePacket;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A minimal broker for client tests, on 127.0.0.1, over the real codec: accepts every CONNECT
 * except client id "refuse-me" (CONNACK 5; MQTT 5: 0x87 "not you"), grants every SUBSCRIBE,
 * answers PINGREQ, acknowledges QoS flows, and echoes every PUBLISH back to its sender at the
 * same QoS with packet id 7 (and its properties), so inbound flows are exercised too.
 * A PUBLISH to "close" makes it drop the connection.
 *
 * <p>On MQTT 5 it also: assigns "assigned-1" to an empty client id; imposes a Server Keep Alive
 * of 1 s on client id "keepalive-1"; echoes through Topic Alias 1 when the client allows aliases
 * (topic and alias the first time, empty topic and alias after); and on a PUBLISH to "refuse"
 * acknowledges with 0x87, to "disconnect" sends DISCONNECT 0x8E and closes, to "bad-alias" sends
 * a PUBLISH through alias 3 it never mapped, to "stray-pubrel" sends PUBREL 99.
 */
final class ScriptedBroker implements AutoCloseable {

    final List<MqttPacket> received = new CopyOnWriteArrayList<>();
    final List<MqttPacket> sent = new CopyOnWriteArrayList<>();
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

        private int topicAliasMaximum;
        private final Map<String, Integer> aliases = new HashMap<>();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, MqttPacket packet) {
            received.add(packet);
            boolean mqtt5 = MqttCodec.protocolLevel(ctx.channel()) == MqttCodec.MQTT_5;
            if (packet instanceof ConnectPacket connect) {
                Integer maximum = connect.properties().topicAliasMaximum();
                topicAliasMaximum = maximum == null ? 0 : maximum;
                send(ctx, connack(connect, mqtt5));
            } else if (packet instanceof SubscribePacket subscribe) {
                send(ctx, new SubackPacket(subscribe.packetId(),
                        subscribe.subscriptions().stream().map(TopicSubscription::qos).toList()));
            } else if (packet instanceof UnsubscribePacket unsubscribe) {
                send(ctx, mqtt5 ? new UnsubackPacket(unsubscribe.packetId(),
                        unsubscribe.filters().stream().map(f -> 0).toList(), MqttProperties.EMPTY)
                        : new UnsubackPacket(unsubscribe.packetId()));
            } else if (packet instanceof PublishPacket publish) {
                publish(ctx, publish, mqtt5);
            } else if (packet instanceof PubrelPacket pubrel) {
                send(ctx, new PubcompPacket(pubrel.packetId()));
            } else if (packet instanceof PubrecPacket pubrec) {
                send(ctx, new PubrelPacket(pubrec.packetId()));
            } else if (packet instanceof PingreqPacket) {
                send(ctx, PingrespPacket.INSTANCE);
            }
        }

        private ConnackPacket connack(ConnectPacket connect, boolean mqtt5) {
            if ("refuse-me".equals(connect.clientId())) {
                return mqtt5 ? new ConnackPacket(false, 0x87, MqttProperties.builder().reasonString("not you").build())
                        : new ConnackPacket(false, 5);
            }
            if (!mqtt5) {
                return new ConnackPacket(false, 0);
            }
            MqttProperties.Builder properties = MqttProperties.builder().receiveMaximum(10);
            if (connect.clientId().isEmpty()) {
                properties.assignedClientIdentifier("assigned-1");
            }
            if ("keepalive-1".equals(connect.clientId())) {
                properties.serverKeepAlive(1);
            }
            return new ConnackPacket(false, 0, properties.build());
        }

        private void publish(ChannelHandlerContext ctx, PublishPacket publish, boolean mqtt5) {
            String topic = publish.topic();
            if (topic.equals("close")) {
                ctx.close();
                return;
            }
            if (mqtt5 && scriptedMqtt5Reply(ctx, publish)) {
                return;
            }
            if (publish.qos() == 1) {
                send(ctx, new PubackPacket(publish.packetId()));
            } else if (publish.qos() == 2) {
                send(ctx, new PubrecPacket(publish.packetId()));
            }
            send(ctx, echo(publish));
        }

        /** @return whether the topic asked for something other than the echo */
        private boolean scriptedMqtt5Reply(ChannelHandlerContext ctx, PublishPacket publish) {
            switch (publish.topic()) {
                case "refuse":
                    MqttProperties why = MqttProperties.builder().reasonString("not allowed").build();
                    send(ctx, publish.qos() == 1 ? new PubackPacket(publish.packetId(), 0x87, why)
                            : new PubrecPacket(publish.packetId(), 0x87, why));
                    return true;
                case "disconnect":
                    send(ctx, new DisconnectPacket(0x8E, MqttProperties.builder().reasonString("taken over").build()))
                            .addListener(ChannelFutureListener.CLOSE);
                    return true;
                case "bad-alias":
                    send(ctx, new PublishPacket("", publish.payload(), 0, false, false, 0,
                            MqttProperties.builder().topicAlias(3).build()));
                    return true;
                case "stray-pubrel":
                    send(ctx, new PubrelPacket(99));
                    return true;
                default:
                    return false;
            }
        }

        private PublishPacket echo(PublishPacket publish) {
            int packetId = publish.qos() == 0 ? 0 : 7;
            if (topicAliasMaximum == 0) {
                return new PublishPacket(publish.topic(), publish.payload(), publish.qos(), false, false, packetId,
                        publish.properties());
            }
            boolean mapped = aliases.containsKey(publish.topic());
            int alias = aliases.computeIfAbsent(publish.topic(), t -> aliases.size() + 1);
            return new PublishPacket(mapped ? "" : publish.topic(), publish.payload(), publish.qos(), false, false,
                    packetId, publish.properties().toBuilder().topicAlias(alias).build());
        }

        private io.netty.channel.ChannelFuture send(ChannelHandlerContext ctx, MqttPacket packet) {
            sent.add(packet);
            return ctx.writeAndFlush(packet);
        }
    }
}
