package io.culex.bootstrap.tools.bench;

import io.culex.adapters.netty.loadgen.LoadConnection;
import io.culex.adapters.netty.loadgen.LoadListener;
import java.util.concurrent.CompletableFuture;

/** One connection of the conn scenario: connects, then only keeps alive. */
final class IdleClient implements LoadListener {

    private final String clientId;
    private final ConnectionFailures failures;
    private final Runnable settled;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private LoadConnection connection;
    private volatile long connectedNanos;

    /** @param settled run once when CONNACK arrives or the attempt fails, to admit the next connection attempt */
    IdleClient(String clientId, ConnectionFailures failures, Runnable settled) {
        this.clientId = clientId;
        this.failures = failures;
        this.settled = settled;
    }

    CompletableFuture<Void> connected() {
        return connected;
    }

    CompletableFuture<Void> closed() {
        return closed;
    }

    long connectedNanos() {
        return connectedNanos;
    }

    boolean isOpen() {
        LoadConnection c = connection;
        return c != null && c.isOpen();
    }

    void disconnect() {
        if (connection != null) {
            connection.disconnect();
        } else {
            closed.complete(null);
        }
    }

    @Override
    public void connected(LoadConnection connection, boolean sessionPresent, int returnCode) {
        if (returnCode != 0) {
            fail(new BenchFailure(clientId + ": the broker refused the connection (" + ConnackCodes.describe(returnCode)
                    + ")"));
            return;
        }
        this.connection = connection;
        connectedNanos = System.nanoTime();
        if (connected.complete(null)) {
            settled.run();
        }
    }

    @Override
    public void closed(Throwable cause) {
        if (connected.isDone() && !connected.isCompletedExceptionally()) {
            failures.lost(clientId, cause); // a failed attempt is counted as failed, not as lost
        }
        fail(new BenchFailure(clientId + ": " + (cause == null ? "closed by the broker"
                : ConnectionFailures.describe(cause)), cause));
        closed.complete(null);
    }

    private void fail(BenchFailure failure) {
        if (connected.completeExceptionally(failure)) {
            settled.run();
        }
    }
}
