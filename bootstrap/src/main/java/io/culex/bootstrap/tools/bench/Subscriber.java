package io.culex.bootstrap.tools.bench;

import io.culex.adapters.netty.loadgen.LoadConnection;
import io.culex.adapters.netty.loadgen.LoadListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One bench subscriber: completes the inbound QoS flows, and accounts for every message by its
 * publisher's sequence number (distinct, duplicate, out of order) and its latency. State is touched on
 * the connection's I/O thread only; the volatile {@code received}, written last for each message, makes
 * it visible to whoever reads that count first.
 */
final class Subscriber implements LoadListener {

    private static final int PACKET_IDS = 65_536;
    private static final int SUBSCRIBE_PACKET_ID = 1;

    private final String clientId;
    private final String filter;
    private final int qos;
    private final boolean subscribeOnConnect;
    private final ConnectionFailures failures;
    private final SequenceTracker[] trackers;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final boolean[] awaitingPubrel = new boolean[PACKET_IDS];
    private final CompletableFuture<Boolean> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private LoadConnection connection;
    private boolean sessionPresent;
    private long unexpected;
    private long bytes;
    private volatile long lastReceivedNanos;
    private volatile long received;

    /**
     * @param subscribeOnConnect false to rely on a persistent session's subscription: {@link #ready()} then
     *     completes at CONNACK with its session-present flag
     * @param publishers how many publishers may send to it (their indices are 0 to publishers - 1)
     */
    Subscriber(String clientId, String filter, int qos, boolean subscribeOnConnect, int publishers,
            ConnectionFailures failures) {
        this.clientId = clientId;
        this.filter = filter;
        this.qos = qos;
        this.subscribeOnConnect = subscribeOnConnect;
        this.failures = failures;
        this.trackers = new SequenceTracker[publishers];
    }

    String clientId() {
        return clientId;
    }

    /** Completes once subscribed (or, without subscribing, connected) with CONNACK's session-present flag. */
    CompletableFuture<Boolean> ready() {
        return ready;
    }

    CompletableFuture<Void> closed() {
        return closed;
    }

    long received() {
        return received;
    }

    long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    void disconnect() {
        if (connection != null) {
            connection.disconnect();
        }
    }

    /** What it got from {@code publisher}, which sent {@code sent} messages; read after {@link #received()}. */
    DeliveryCounts countsFrom(int publisher, long sent) {
        SequenceTracker tracker = trackers[publisher];
        return tracker == null ? new DeliveryCounts(sent, 0, 0, 0, 0) : DeliveryCounts.of(sent, tracker);
    }

    long unexpected() {
        return unexpected;
    }

    long bytes() {
        return bytes;
    }

    LatencyHistogram latency() {
        return latency;
    }

    @Override
    public void connected(LoadConnection connection, boolean sessionPresent, int returnCode) {
        if (returnCode != 0) {
            ready.completeExceptionally(new BenchFailure(clientId + ": the broker refused the connection ("
                    + ConnackCodes.describe(returnCode) + ")"));
            return;
        }
        this.connection = connection;
        if (subscribeOnConnect) {
            connection.subscribe(SUBSCRIBE_PACKET_ID, filter, qos);
            this.sessionPresent = sessionPresent;
        } else {
            ready.complete(sessionPresent);
        }
    }

    @Override
    public void subscribed(int packetId, List<Integer> grantedQos) {
        int granted = grantedQos.isEmpty() ? 0x80 : grantedQos.get(0);
        if (granted == 0x80) {
            ready.completeExceptionally(new BenchFailure(clientId + ": the broker refused the subscription to "
                    + filter));
        } else if (granted < qos) {
            ready.completeExceptionally(new BenchFailure(clientId + ": the broker granted QoS " + granted + " for "
                    + filter + ", not " + qos));
        } else {
            ready.complete(sessionPresent);
        }
    }

    @Override
    public void published(String topic, byte[] payload, int messageQos, boolean dup, int packetId) {
        if (messageQos == 1) {
            connection.puback(packetId);
        } else if (messageQos == 2) {
            connection.pubrec(packetId);
            if (awaitingPubrel[packetId]) {
                return; // the broker resending a message we hold: the QoS 2 flow delivers it once
            }
            awaitingPubrel[packetId] = true;
        }
        account(payload);
    }

    @Override
    public void pubrel(int packetId) {
        awaitingPubrel[packetId] = false;
        connection.pubcomp(packetId);
    }

    @Override
    public void closed(Throwable cause) {
        failures.lost(clientId, cause);
        String reason = cause == null ? "the connection closed" : ConnectionFailures.describe(cause);
        ready.completeExceptionally(new BenchFailure(clientId + ": " + reason, cause));
        closed.complete(null);
    }

    private void account(byte[] payload) {
        long now = System.nanoTime();
        int publisher = SequencedPayload.isSequenced(payload) ? SequencedPayload.publisher(payload) : -1;
        long sequence = publisher < 0 ? -1 : SequencedPayload.sequence(payload);
        if (publisher < 0 || publisher >= trackers.length || sequence < 0 || sequence > Integer.MAX_VALUE) {
            unexpected++;
        } else {
            if (trackers[publisher] == null) {
                trackers[publisher] = new SequenceTracker();
            }
            trackers[publisher].record(sequence);
            latency.record(now - SequencedPayload.sentNanos(payload));
        }
        bytes += payload.length;
        lastReceivedNanos = now;
        received = received + 1;
    }
}
