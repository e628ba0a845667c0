package io.culex.bootstrap.tools.bench;

import io.culex.adapters.netty.loadgen.LoadConnection;
import io.culex.adapters.netty.loadgen.LoadListener;
import java.util.concurrent.CompletableFuture;

/**
 * One bench publisher: sends sequenced messages as fast as its window, its socket and the optional rate
 * allow, entirely on its connection's I/O thread. At QoS 1/2 it keeps up to {@code window} messages
 * unacknowledged and sends the next one as each completes; at QoS 0 it writes in batches while the socket
 * takes them. {@link #finished()} completes when the last message is written (QoS 0) or acknowledged.
 */
final class Publisher implements LoadListener {

    /** Messages written before yielding the I/O thread to reads and other connections. */
    private static final int BATCH = 256;
    private static final int PACKET_IDS = 65_536;

    private final int index;
    private final String clientId;
    private final String topic;
    private final int qos;
    private final int payloadSize;
    private final long limit;
    private final int window;
    private final int rate;
    private final ConnectionFailures failures;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final boolean[] idInUse = new boolean[PACKET_IDS];

    private LoadConnection connection;
    private RatePacer pacer;
    private long endNanos;
    private int lastId;
    private int inFlight;
    private boolean pumpScheduled;
    /** Written only by the I/O thread; volatile so progress and the final report read current values. */
    private volatile long sent;
    private volatile long completed;
    private volatile long finishedNanos;

    /**
     * @param limit messages to send, or {@link Long#MAX_VALUE} when the run is duration driven
     * @param rate  messages per second, 0 for unlimited
     */
    Publisher(int index, String clientId, String topic, int qos, int payloadSize, long limit, int window, int rate,
            ConnectionFailures failures) {
        this.index = index;
        this.clientId = clientId;
        this.topic = topic;
        this.qos = qos;
        this.payloadSize = payloadSize;
        this.limit = limit;
        this.window = window;
        this.rate = rate;
        this.failures = failures;
    }

    String clientId() {
        return clientId;
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    CompletableFuture<Void> finished() {
        return finished;
    }

    long sent() {
        return sent;
    }

    /** Messages whose flow is complete: written at QoS 0, acknowledged at QoS 1/2. */
    long completed() {
        return completed;
    }

    long finishedNanos() {
        return finishedNanos;
    }

    /** Starts publishing at {@code startNanos}; a duration-driven run sends nothing new from {@code endNanos} on. */
    void start(long startNanos, long endNanos) {
        connection.execute(() -> {
            this.endNanos = endNanos;
            this.pacer = rate > 0 ? new RatePacer(rate, startNanos) : null;
            pump(true);
        });
    }

    void disconnect() {
        if (connection != null) {
            connection.disconnect();
        }
    }

    @Override
    public void connected(LoadConnection connection, boolean sessionPresent, int returnCode) {
        if (returnCode != 0) {
            ready.completeExceptionally(new BenchFailure(clientId + ": the broker refused the connection ("
                    + ConnackCodes.describe(returnCode) + ")"));
            return;
        }
        this.connection = connection;
        ready.complete(null);
    }

    @Override
    public void puback(int packetId) {
        acknowledged(packetId);
    }

    @Override
    public void pubrec(int packetId) {
        connection.pubrel(packetId); // flushed with the rest of the read batch
    }

    @Override
    public void pubcomp(int packetId) {
        acknowledged(packetId);
    }

    @Override
    public void writable() {
        pump(true);
    }

    @Override
    public void closed(Throwable cause) {
        failures.lost(clientId, cause);
        String reason = cause == null ? "the connection closed" : ConnectionFailures.describe(cause);
        BenchFailure failure = new BenchFailure(clientId + ": " + reason, cause);
        ready.completeExceptionally(failure);
        finished.completeExceptionally(failure);
    }

    private void acknowledged(int packetId) {
        if (!idInUse[packetId]) {
            return; // not ours in flight: ignore rather than count twice
        }
        idInUse[packetId] = false;
        inFlight--;
        completed = completed + 1;
        pump(false); // replies and new messages written here are flushed at the end of the read batch
    }

    /** Sends what may be sent now; decides how to continue when something stops it. */
    private void pump(boolean flush) {
        if (finished.isDone()) {
            return;
        }
        long now = System.nanoTime();
        int batch = 0;
        boolean paced = false;
        while (sent < limit && now < endNanos && (qos == 0 || inFlight < window) && connection.isWritable()) {
            if (pacer != null) {
                long wait = pacer.nanosUntil(sent, now);
                if (wait > 0) {
                    schedulePump(wait);
                    paced = true;
                    break;
                }
            }
            if (batch == BATCH) {
                schedulePump(0); // yield to reads and the other connections on this thread
                break;
            }
            send(now);
            batch++;
            now = System.nanoTime();
        }
        if (flush || batch == BATCH || paced) {
            connection.flush();
        }
        boolean allSent = sent >= limit || now >= endNanos;
        if (qos == 0) {
            completed = sent;
        }
        if (allSent && (qos == 0 || inFlight == 0)) {
            connection.flush();
            finishedNanos = System.nanoTime();
            finished.complete(null);
        }
    }

    private void schedulePump(long delayNanos) {
        if (pumpScheduled) {
            return;
        }
        pumpScheduled = true;
        Runnable task = () -> {
            pumpScheduled = false;
            pump(true);
        };
        if (delayNanos <= 0) {
            connection.execute(task);
        } else {
            connection.schedule(task, delayNanos);
        }
    }

    private void send(long now) {
        long sequence = sent;
        int packetId = 0;
        if (qos > 0) {
            packetId = nextFreeId();
            idInUse[packetId] = true;
            inFlight++;
        }
        connection.publish(topic, SequencedPayload.encode(index, sequence, now, payloadSize), qos, false, packetId);
        sent = sequence + 1;
    }

    /** The next packet id not in flight; the window (at most 65535) guarantees one is free. */
    private int nextFreeId() {
        do {
            lastId = lastId == PACKET_IDS - 1 ? 1 : lastId + 1;
        } while (idInUse[lastId]);
        return lastId;
    }
}
