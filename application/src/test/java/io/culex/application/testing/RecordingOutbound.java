package io.culex.application.testing;

import io.culex.application.connection.Connack;
import io.culex.application.connection.Outbound;
import io.culex.application.protocol.ReasonCode;
import io.culex.domain.session.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * An {@link Outbound} that runs everything on the calling thread and records what the application
 * asked to send, as lines such as "PUBACK 7 SUCCESS" or "DISCONNECT TOPIC_ALIAS_INVALID".
 */
public class RecordingOutbound implements Outbound {

    public final List<String> packets = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final List<Connack> connacks = new ArrayList<>();
    public final List<Delivery> deliveries = new ArrayList<>();
    public final List<Long> expiries = new ArrayList<>();
    public boolean closed;
    /** Whether reading is paused now, and how many pauses began (flow control towards a publisher). */
    public volatile boolean readingPaused;
    public int pauses;
    /** What {@link #isWritable()} answers. */
    public volatile boolean writable = true;
    public long maxPayload = Long.MAX_VALUE;
    private final String address;

    public RecordingOutbound() {
        this("test");
    }

    public RecordingOutbound(String address) {
        this.address = address;
    }

    @Override public void connack(Connack connack) {
        connacks.add(connack);
        packets.add("CONNACK " + connack.code() + (connack.sessionPresent() ? " present" : ""));
    }

    @Override public boolean publish(int packetId, Delivery delivery, boolean dup, long messageExpirySeconds) {
        if (delivery.message().payload().length > maxPayload) {
            return false;
        }
        deliveries.add(delivery);
        expiries.add(messageExpirySeconds);
        packets.add("PUBLISH " + packetId + " " + delivery.message().topic() + (dup ? " dup" : ""));
        return true;
    }

    @Override public void puback(int packetId, ReasonCode code, String reasonString) {
        packets.add("PUBACK " + packetId + " " + code);
    }

    @Override public void pubrec(int packetId, ReasonCode code, String reasonString) {
        packets.add("PUBREC " + packetId + " " + code);
    }

    @Override public void pubrel(int packetId, ReasonCode code) {
        packets.add("PUBREL " + packetId);
    }

    @Override public void pubcomp(int packetId, ReasonCode code) {
        packets.add("PUBCOMP " + packetId + " " + code);
    }

    @Override public void suback(int packetId, List<Integer> codes) {
        packets.add("SUBACK " + packetId + " " + codes);
    }

    @Override public void unsuback(int packetId, List<ReasonCode> codes) {
        packets.add("UNSUBACK " + packetId + " " + codes);
    }

    @Override public void pingresp() {
        packets.add("PINGRESP");
    }

    @Override public void disconnect(ReasonCode code, String reasonString, String serverReference) {
        packets.add("DISCONNECT " + code);
    }

    @Override public void auth(ReasonCode code, String method, byte[] data) {
        packets.add("AUTH " + code + " " + method);
    }

    @Override public void flush() { }

    @Override public void close() {
        closed = true;
    }

    @Override public boolean isWritable() {
        return writable;
    }

    @Override public void pauseReading(long trickleMillis) {
        if (!readingPaused) {
            readingPaused = true;
            pauses++;
        }
    }

    @Override public void resumeReading() {
        readingPaused = false;
    }

    @Override public void expectTrafficWithin(long millis) { }

    @Override public Executor eventLoop() {
        return Runnable::run;
    }

    @Override public String remoteAddress() {
        return address;
    }

    /** The recorded lines that start with {@code kind}, e.g. "PUBACK". */
    public List<String> packets(String kind) {
        return packets.stream().filter(line -> line.startsWith(kind + " ") || line.equals(kind)).toList();
    }
}
