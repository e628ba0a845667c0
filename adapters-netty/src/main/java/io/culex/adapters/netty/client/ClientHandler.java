package io.culex.adapters.netty.client;

import io.culex.adapters.netty.codec.ConnackPacket;
import io.culex.adapters.netty.codec.ConnectPacket;
import io.culex.adapters.netty.codec.DisconnectPacket;
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
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The client side of the MQTT 3.1 / 3.1.1 / 5 flows on one channel: sends CONNECT when connected,
 * completes requests from their acknowledgements and runs the inbound QoS 1/2 handshakes. On
 * MQTT 5 it also fails publishes the broker refuses, resolves inbound Topic Aliases, follows the
 * broker's Server Keep Alive and reports the broker's DISCONNECT.
 * Every method runs on the channel's event loop, so the state needs no locking.
 */
final class ClientHandler extends SimpleChannelInboundHandler<MqttPacket> {

    /** Pipeline names, so the keepalive can be replaced when the broker imposes its own. */
    static final String KEEP_ALIVE_HANDLER = "keepalive";
    static final String DECODER_HANDLER = "decoder";

    private static final int FIRST_FAILURE_CODE = 0x80;
    private static final int PACKET_IDENTIFIER_NOT_FOUND = 0x92;

    private final ConnectPacket connect;
    private final ClientListener listener;
    private final CompletableFuture<Boolean> connected = new CompletableFuture<>();
    private final CompletableFuture<MqttProperties> connackProperties = new CompletableFuture<>();
    private final Map<Integer, CompletableFuture<Void>> publishes = new HashMap<>();
    private final Map<Integer, CompletableFuture<List<Integer>>> subscribes = new HashMap<>();
    private final Map<Integer, CompletableFuture<Void>> unsubscribes = new HashMap<>();
    /** Inbound QoS 2 messages held until PUBREL, when libmosquitto hands them to the application. */
    private final Map<Integer, ReceivedMessage> awaitingPubrel = new HashMap<>();
    private final InboundTopicAliases topicAliases;
    private ChannelHandlerContext ctx;
    private int lastMid;
    private boolean pingOutstanding;
    /** Why pending requests fail when the channel closes. */
    private String closeReason = "The connection was lost.";

    ClientHandler(ConnectPacket connect, ClientListener listener) {
        this.connect = connect;
        this.listener = listener;
        Integer aliasMaximum = connect.properties().topicAliasMaximum();
        this.topicAliases = new InboundTopicAliases(aliasMaximum == null ? 0 : aliasMaximum);
    }

    /** Completes with the CONNACK session-present flag, or fails. */
    CompletableFuture<Boolean> connected() {
        return connected;
    }

    /** Completes with the accepting CONNACK's properties (empty on 3.x), or fails as {@link #connected()}. */
    CompletableFuture<MqttProperties> connackProperties() {
        return connackProperties;
    }

    /** Accepted by the broker and not closed since: requests may be sent. */
    boolean isOpen() {
        return ctx != null && ctx.channel().isActive() && connected.isDone() && !connected.isCompletedExceptionally();
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        ctx = context;
        write(connect);
        super.channelActive(context);
    }

    void publish(String topic, byte[] payload, int qos, boolean retain, MqttProperties properties,
            CompletableFuture<Void> done) {
        int mid = nextMid();
        PublishPacket packet = new PublishPacket(topic, payload, qos, retain, false, qos == 0 ? 0 : mid, properties);
        listener.packetLogged(PacketTrace.sendingPublish(packet, mid));
        ChannelFuture written = ctx.writeAndFlush(packet);
        if (qos == 0) {
            written.addListener(f -> complete(done, f.cause()));
        } else {
            publishes.put(mid, done);
            failOnWriteError(written, done);
        }
    }

    void subscribe(List<TopicSubscription> filters, MqttProperties properties, CompletableFuture<List<Integer>> done) {
        int mid = nextMid();
        subscribes.put(mid, done);
        failOnWriteError(write(new SubscribePacket(mid, filters, properties)), done);
    }

    void unsubscribe(List<String> filters, MqttProperties properties, CompletableFuture<Void> done) {
        int mid = nextMid();
        unsubscribes.put(mid, done);
        failOnWriteError(write(new UnsubscribePacket(mid, filters, properties)), done);
    }

    void disconnect(int reasonCode, MqttProperties properties) {
        DisconnectPacket packet = properties.isEmpty() && reasonCode == DisconnectPacket.INSTANCE.reasonCode()
                ? DisconnectPacket.INSTANCE : new DisconnectPacket(reasonCode, properties);
        write(packet).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, MqttPacket packet) {
        if (packet instanceof ConnackPacket connack) {
            listener.connackReceived(connack.returnCode(), connack.properties());
        }
        listener.packetLogged(PacketTrace.received(packet));
        if (packet instanceof PublishPacket publish) {
            inboundPublish(publish);
        } else if (packet instanceof PubrelPacket pubrel) {
            ReceivedMessage message = awaitingPubrel.remove(pubrel.packetId());
            // The reason code only goes out on MQTT 5; 3.x has no way to say "not found".
            write(new PubcompPacket(pubrel.packetId(), message == null ? PACKET_IDENTIFIER_NOT_FOUND : 0,
                    MqttProperties.EMPTY));
            if (message != null) {
                listener.messageArrived(message);
            }
        } else if (packet instanceof PubackPacket puback) {
            acknowledged(puback.packetId(), puback.reasonCode(), puback.properties());
        } else if (packet instanceof PubrecPacket pubrec) {
            if (pubrec.reasonCode() >= FIRST_FAILURE_CODE) {
                acknowledged(pubrec.packetId(), pubrec.reasonCode(), pubrec.properties()); // the flow ends here
            } else {
                write(new PubrelPacket(pubrec.packetId()));
            }
        } else if (packet instanceof PubcompPacket pubcomp) {
            complete(publishes.remove(pubcomp.packetId()), null);
        } else if (packet instanceof SubackPacket suback) {
            CompletableFuture<List<Integer>> done = subscribes.remove(suback.packetId());
            listener.subscribed(suback.packetId(), suback.returnCodes());
            if (done != null) {
                done.complete(suback.returnCodes());
            }
        } else if (packet instanceof UnsubackPacket unsuback) {
            complete(unsubscribes.remove(unsuback.packetId()), null);
        } else if (packet instanceof ConnackPacket connack) {
            connack(connack);
        } else if (packet instanceof PingrespPacket) {
            pingOutstanding = false;
        } else if (packet instanceof DisconnectPacket disconnect) {
            disconnectedByServer(disconnect);
        } else {
            context.close(); // a server never sends CONNECT, SUBSCRIBE, ... to a client
        }
    }

    private void inboundPublish(PublishPacket publish) {
        String topic;
        try {
            topic = topicAliases.resolve(publish.topic(), publish.properties().topicAlias());
        } catch (InboundTopicAliases.Violation e) {
            closeReason = "Protocol error: " + e.getMessage() + ".";
            write(new DisconnectPacket(e.reasonCode(), MqttProperties.EMPTY)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ReceivedMessage message = new ReceivedMessage(topic, publish.payload(), publish.qos(), publish.retain(),
                publish.dup(), publish.packetId(), publish.properties());
        if (publish.qos() == 0) {
            listener.messageArrived(message);
        } else if (publish.qos() == 1) {
            write(new PubackPacket(publish.packetId()));
            listener.messageArrived(message);
        } else {
            awaitingPubrel.put(publish.packetId(), message);
            write(new PubrecPacket(publish.packetId()));
        }
    }

    /** PUBACK, or a failing PUBREC: the publish is done, refused from reason code 0x80 on (MQTT 5). */
    private void acknowledged(int packetId, int reasonCode, MqttProperties properties) {
        CompletableFuture<Void> done = publishes.remove(packetId);
        if (done != null && reasonCode >= FIRST_FAILURE_CODE) {
            done.completeExceptionally(new PublishRefusedException(reasonCode, properties.reasonString()));
        } else {
            complete(done, null);
        }
    }

    private void connack(ConnackPacket connack) {
        if (connack.returnCode() == 0) {
            useServerKeepAlive(connack.properties().serverKeepAlive());
            connackProperties.complete(connack.properties());
            connected.complete(connack.sessionPresent());
        } else {
            ConnectionRefusedException refused =
                    new ConnectionRefusedException(connack.returnCode(), connack.properties().reasonString());
            connackProperties.completeExceptionally(refused);
            connected.completeExceptionally(refused);
            ctx.close();
        }
    }

    /** The broker's Server Keep Alive replaces the client's own [MQTT-3.2.2-21]. */
    private void useServerKeepAlive(Integer seconds) {
        if (seconds == null) {
            return;
        }
        ChannelPipeline pipeline = ctx.pipeline();
        if (pipeline.get(KEEP_ALIVE_HANDLER) != null) {
            pipeline.remove(KEEP_ALIVE_HANDLER);
        }
        if (seconds > 0) {
            pipeline.addBefore(DECODER_HANDLER, KEEP_ALIVE_HANDLER, new IdleStateHandler(0, seconds, 0));
        }
    }

    private void disconnectedByServer(DisconnectPacket disconnect) {
        String reasonString = disconnect.properties().reasonString();
        closeReason = String.format("The broker disconnected with reason code 0x%02X", disconnect.reasonCode())
                + (reasonString == null ? "" : " (" + reasonString + ")") + ".";
        listener.disconnectedByServer(disconnect.reasonCode(), disconnect.properties());
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            // Nothing written for a keepalive period: ping; a ping still unanswered by then means a dead link.
            if (pingOutstanding) {
                context.close();
            } else {
                pingOutstanding = true;
                write(PingreqPacket.INSTANCE);
            }
        } else {
            super.userEventTriggered(context, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        failAll(new MqttClientException("Protocol error: " + cause.getMessage(), cause));
        context.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        failAll(new MqttClientException(closeReason));
        listener.connectionClosed();
        super.channelInactive(context);
    }

    private void failAll(MqttClientException cause) {
        connected.completeExceptionally(cause);
        connackProperties.completeExceptionally(cause);
        List<CompletableFuture<?>> pending = new ArrayList<>(publishes.values());
        pending.addAll(subscribes.values());
        pending.addAll(unsubscribes.values());
        publishes.clear();
        subscribes.clear();
        unsubscribes.clear();
        pending.forEach(future -> future.completeExceptionally(cause));
    }

    private ChannelFuture write(MqttPacket packet) {
        PacketTrace.sending(packet).forEach(listener::packetLogged);
        return ctx.writeAndFlush(packet);
    }

    /** libmosquitto numbers every message (QoS 0 publishes too) and request from one counter. */
    private int nextMid() {
        lastMid = lastMid == 65_535 ? 1 : lastMid + 1;
        return lastMid;
    }

    private static void failOnWriteError(ChannelFuture written, CompletableFuture<?> done) {
        written.addListener(f -> {
            if (f.cause() != null) {
                done.completeExceptionally(new MqttClientException("write failed: " + f.cause().getMessage(), f.cause()));
            }
        });
    }

    private static void complete(CompletableFuture<Void> done, Throwable cause) {
        if (done == null) {
            return;
        }
        if (cause == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(new MqttClientException("write failed: " + cause.getMessage(), cause));
        }
    }
}
