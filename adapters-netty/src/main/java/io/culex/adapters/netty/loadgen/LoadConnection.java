package io.culex.adapters.netty.loadgen;

import io.culex.adapters.netty.codec.DisconnectPacket;
import io.culex.adapters.netty.codec.MqttPacket;
import io.culex.adapters.netty.codec.PubackPacket;
import io.culex.adapters.netty.codec.PubcompPacket;
import io.culex.adapters.netty.codec.PublishPacket;
import io.culex.adapters.netty.codec.PubrecPacket;
import io.culex.adapters.netty.codec.PubrelPacket;
import io.culex.adapters.netty.codec.SubscribePacket;
import io.culex.adapters.netty.codec.TopicSubscription;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One load connection. Packet methods write without flushing: call {@link #flush()} after a burst
 * (replies written from a {@link LoadListener} callback are flushed at the end of the read batch).
 * Call them on the connection's I/O thread, i.e. from its callbacks or through {@link #execute}.
 */
public final class LoadConnection {

    private final Channel channel;

    LoadConnection(Channel channel) {
        this.channel = channel;
    }

    public void publish(String topic, byte[] payload, int qos, boolean dup, int packetId) {
        write(new PublishPacket(topic, payload, qos, false, dup, packetId));
    }

    public void puback(int packetId) {
        write(new PubackPacket(packetId));
    }

    public void pubrec(int packetId) {
        write(new PubrecPacket(packetId));
    }

    public void pubrel(int packetId) {
        write(new PubrelPacket(packetId));
    }

    public void pubcomp(int packetId) {
        write(new PubcompPacket(packetId));
    }

    /** SUBSCRIBE to one filter and flush. */
    public void subscribe(int packetId, String filter, int qos) {
        channel.writeAndFlush(new SubscribePacket(packetId, List.of(new TopicSubscription(filter, qos))), channel.voidPromise());
    }

    public void flush() {
        channel.flush();
    }

    /** False while the socket's outbound buffer is above its high-water mark: stop writing until {@link LoadListener#writable()}. */
    public boolean isWritable() {
        return channel.isWritable();
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Runs {@code task} on this connection's I/O thread. */
    public void execute(Runnable task) {
        channel.eventLoop().execute(task);
    }

    /** Runs {@code task} on this connection's I/O thread after {@code delayNanos}. */
    public void schedule(Runnable task, long delayNanos) {
        channel.eventLoop().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Sends DISCONNECT (the broker keeps a persistent session and drops the will), then closes. */
    public void disconnect() {
        execute(() -> channel.writeAndFlush(DisconnectPacket.INSTANCE).addListener(ChannelFutureListener.CLOSE));
    }

    /** Closes the socket without DISCONNECT. */
    public void close() {
        channel.close();
    }

    private void write(MqttPacket packet) {
        channel.write(packet, channel.voidPromise());
    }
}
