package io.culex.adapters.netty.bridge;

import io.culex.adapters.netty.OutboundPackets;
import io.culex.adapters.netty.codec.DisconnectPacket;
import io.culex.adapters.netty.codec.MqttPacket;
import io.culex.adapters.netty.codec.MqttProperties;
import io.culex.adapters.netty.codec.PacketWriter;
import io.culex.adapters.netty.codec.PubackPacket;
import io.culex.adapters.netty.codec.PubcompPacket;
import io.culex.adapters.netty.codec.PublishPacket;
import io.culex.adapters.netty.codec.PubrecPacket;
import io.culex.adapters.netty.codec.PubrelPacket;
import io.culex.adapters.netty.codec.SubscribePacket;
import io.culex.adapters.netty.codec.TopicSubscription;
import io.culex.adapters.netty.codec.UnsubscribePacket;
import io.culex.application.bridge.RemoteAddress;
import io.culex.application.bridge.RemoteLink;
import io.culex.application.bridge.RemoteSubscription;
import io.culex.application.protocol.ReasonCode;
import io.culex.domain.session.Delivery;
import io.culex.adapters.netty.ReadPause;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The bridge's side of an established connection: packets to the remote, buffered until {@link #flush()}.
 * Netty's channel may be written from any thread (writes from one thread keep their order); closing goes
 * through the handler on the event loop so that {@code disconnected} gives the right reason. A write that
 * fails (a packet the encoder cannot send) raises an exception in the pipeline, which closes the link with the
 * reason rather than losing the packet silently.
 */
final class NettyRemoteLink implements RemoteLink {

    private final Channel channel;
    private final ReadPause readPause;
    private final RemoteLinkHandler handler;
    private final int level;
    private final RemoteAddress address;
    /** The remote's Maximum Packet Size (MQTT 5), 0 for none. */
    private final long remoteMaximumPacketSize;

    NettyRemoteLink(Channel channel, RemoteLinkHandler handler, int level, RemoteAddress address,
                    long remoteMaximumPacketSize) {
        this.channel = channel;
        this.readPause = new ReadPause(channel);
        this.handler = handler;
        this.level = level;
        this.address = address;
        this.remoteMaximumPacketSize = remoteMaximumPacketSize;
    }

    @Override
    public boolean publish(int packetId, String topic, Delivery delivery, boolean dup, long messageExpirySeconds) {
        // The encoder leaves the properties out for a 3.x remote.
        PublishPacket packet = OutboundPackets.publish(packetId, delivery, dup, messageExpirySeconds, topic, 0);
        if (remoteMaximumPacketSize > 0 && PacketWriter.encodedLength(packet, level) > remoteMaximumPacketSize) {
            return false;
        }
        write(packet);
        return true;
    }

    @Override
    public void puback(int packetId, ReasonCode code) {
        write(new PubackPacket(packetId, code.value(), MqttProperties.EMPTY));
    }

    @Override
    public void pubrec(int packetId, ReasonCode code) {
        write(new PubrecPacket(packetId, code.value(), MqttProperties.EMPTY));
    }

    @Override
    public void pubrel(int packetId) {
        write(new PubrelPacket(packetId));
    }

    @Override
    public void pubcomp(int packetId, ReasonCode code) {
        write(new PubcompPacket(packetId, code.value(), MqttProperties.EMPTY));
    }

    @Override
    public void subscribe(int packetId, List<RemoteSubscription> subscriptions) {
        // No Local and Retain As Published go out to an MQTT 5 remote only; the encoder drops them for 3.x.
        write(new SubscribePacket(packetId, subscriptions.stream()
                .map(s -> new TopicSubscription(s.filter(), s.qos().value(), s.noLocal(), s.retainAsPublished(), 0))
                .toList()));
    }

    @Override
    public void unsubscribe(int packetId, List<String> filters) {
        write(new UnsubscribePacket(packetId, filters));
    }

    /** The void promise fires a write failure into the pipeline (see the class comment) at no per-write cost. */
    private void write(MqttPacket packet) {
        channel.write(packet, channel.voidPromise());
    }

    @Override
    public void flush() {
        channel.flush();
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
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public void disconnect() {
        channel.eventLoop().execute(() -> {
            channel.write(DisconnectPacket.INSTANCE);
            handler.close("disconnected by the bridge", true);
        });
    }

    @Override
    public void close() {
        // What was written before (e.g. a last notification) still goes out; then no DISCONNECT: the will applies.
        channel.eventLoop().execute(() -> handler.close("closed by the bridge", true));
    }

    @Override
    public Executor eventLoop() {
        return channel.eventLoop();
    }

    @Override
    public String remoteAddress() {
        return address.toString();
    }
}
