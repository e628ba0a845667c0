package io.culex.application.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters the broker keeps about its traffic, with Mosquitto's $SYS meanings. LongAdder keeps
 * them cheap on every event loop; the transport reports packets and bytes, the application
 * reports PUBLISHes, connections and drops.
 */
public final class BrokerMetrics {

    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder messagesSent = new LongAdder();
    private final Map<DropReason, LongAdder> dropsByReason = newDropCounters();
    private final ConcurrentMap<String, ListenerMetrics> listeners = new ConcurrentHashMap<>();
    private final LongAdder clientsConnected = new LongAdder();
    private final LongAdder packetsReceived = new LongAdder();
    private final LongAdder packetsSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder publishBytesReceived = new LongAdder();
    private final LongAdder publishBytesSent = new LongAdder();
    private final LongAdder socketsOpened = new LongAdder();
    private final LongAdder connectsReceived = new LongAdder();
    private final LongAdder sessionsExpired = new LongAdder();
    private final LongAdder sessionsFellBehind = new LongAdder();

    /** A PUBLISH was received from a client, carrying {@code payloadBytes}. */
    public void messageReceived(int payloadBytes) {
        messagesReceived.increment();
        publishBytesReceived.add(payloadBytes);
    }

    /** A PUBLISH was received from a client (payload size unknown to the caller). */
    public void messageReceived() {
        messagesReceived.increment();
    }

    /** A PUBLISH was written to a client, carrying {@code payloadBytes}. */
    public void messageSent(int payloadBytes) {
        messagesSent.increment();
        publishBytesSent.add(payloadBytes);
    }

    /** A PUBLISH was written to a client (payload size unknown to the caller). */
    public void messageSent() {
        messagesSent.increment();
    }

    /** A connected session's queue reached its high-water mark: the publishers feeding it pause. */
    public void sessionFellBehind() {
        sessionsFellBehind.increment();
    }

    /** How many times a connected session fell behind and paused its publishers, since start. */
    public long sessionsFellBehind() {
        return sessionsFellBehind.sum();
    }

    public void messageDropped(DropReason reason) {
        dropsByReason.get(reason).increment();
    }

    private static Map<DropReason, LongAdder> newDropCounters() {
        Map<DropReason, LongAdder> counters = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            counters.put(reason, new LongAdder());
        }
        return counters;
    }

    /** PUBLISHes dropped for {@code reason} since start. */
    public long messagesDropped(DropReason reason) {
        return dropsByReason.get(reason).sum();
    }

    /** The counters of the listener the transport and the application know as {@code listenerId}. */
    public ListenerMetrics listener(String listenerId) {
        return listeners.computeIfAbsent(listenerId, id -> new ListenerMetrics());
    }

    public void clientConnected() {
        clientsConnected.increment();
    }

    public void clientDisconnected() {
        clientsConnected.decrement();
    }

    /** Transport: an MQTT packet of any type was decoded. */
    public void packetReceived() {
        packetsReceived.increment();
    }

    /** Transport: an MQTT packet of any type was written. */
    public void packetSent() {
        packetsSent.increment();
    }

    /** Transport: bytes read from a socket. */
    public void bytesReceived(long count) {
        bytesReceived.add(count);
    }

    /** Transport: bytes written to a socket. */
    public void bytesSent(long count) {
        bytesSent.add(count);
    }

    /** A network connection was accepted (Mosquitto's load/sockets). */
    public void socketOpened() {
        socketsOpened.increment();
    }

    /** A network connection was accepted on the listener {@code listenerId} (null: a listener without an id). */
    public void socketOpened(String listenerId) {
        socketOpened();
        if (listenerId != null) {
            listener(listenerId).socketOpened();
        }
    }

    /** A CONNECT was received, accepted or not (Mosquitto's load/connections). */
    public void connectReceived() {
        connectsReceived.increment();
    }

    /** A persistent session expired (persistent_client_expiration). */
    public void sessionExpired() {
        sessionsExpired.increment();
    }

    public long messagesReceived() {
        return messagesReceived.sum();
    }

    public long messagesSent() {
        return messagesSent.sum();
    }

    /** PUBLISHes not delivered to a subscriber: queue full, slow consumer, oversized. */
    public long messagesDropped() {
        long total = 0;
        for (LongAdder counter : dropsByReason.values()) {
            total += counter.sum();
        }
        return total;
    }

    public long clientsConnected() {
        return clientsConnected.sum();
    }

    /** Every counter read once; sums read while traffic flows are each exact but not one instant. */
    public Totals totals() {
        return new Totals(packetsReceived.sum(), packetsSent.sum(), messagesReceived.sum(), messagesSent.sum(),
                messagesDropped(), bytesReceived.sum(), bytesSent.sum(), publishBytesReceived.sum(),
                publishBytesSent.sum(), socketsOpened.sum(), connectsReceived.sum(), sessionsExpired.sum());
    }

    /**
     * Cumulative counts since start.
     *
     * @param packetsReceived   MQTT packets of every type received ($SYS messages/received)
     * @param publishReceived   PUBLISH packets received from clients ($SYS publish/messages/received)
     * @param publishDropped    PUBLISHes not delivered: queue full, slow consumer, oversized
     */
    public record Totals(long packetsReceived, long packetsSent, long publishReceived, long publishSent,
                         long publishDropped, long bytesReceived, long bytesSent, long publishBytesReceived,
                         long publishBytesSent, long socketsOpened, long connectsReceived, long sessionsExpired) {
    }
}
