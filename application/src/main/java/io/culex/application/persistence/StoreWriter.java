package io.culex.application.persistence;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.port.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one thread that writes to the {@link StateStore}: operations from every session are queued
 * here and applied in batches (group commit), so event loops never wait for the disk and one fsync
 * covers as many writes as arrived meanwhile. After a batch is durable the tickets waiting for it
 * complete; if it fails they fail (their publishers are refused), and the next batch is tried as usual.
 */
public final class StoreWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.culex.store");
    private static final int MOST_PER_BATCH = 20_000;
    private static final int MOST_KEPT_FOR_RETRY = 1_000_000;

    /** Operations that reach the store in the same batch, so together or not at all. */
    private record Write(List<StoreOperation> operations, DurabilityTicket ticket) {
    }

    private static final Write STOP = new Write(null, null);

    private final StateStore store;
    private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final LongAdder batches = new LongAdder();
    private final LongAdder operationsWritten = new LongAdder();
    private final LongAdder applyNanos = new LongAdder();
    private final LongAdder failedBatches = new LongAdder();
    private volatile boolean healthy = true;
    /** Writes queued so far, numbered in queue order (guarded by {@code this}). */
    private long submitted;
    /** How many of the first writes the writer has finished with (applied, or failed): in queue order. */
    private volatile long processed;
    private final Object progress = new Object();

    public StoreWriter(StateStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "culex-store");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a write; {@code ticket} (may be null) waits for it to be durable. Safe from any thread.
     *
     * @return the write's number: {@link #awaitProcessed} with it waits until the writer is done with it
     */
    public long submit(StoreOperation operation, DurabilityTicket ticket) {
        return submitTogether(List.of(operation), ticket);
    }

    /** As {@link #submit}, for operations that must reach the store atomically: a crash keeps all or none. */
    public long submitTogether(List<StoreOperation> operations, DurabilityTicket ticket) {
        if (ticket != null) {
            ticket.hold();
        }
        return enqueue(new Write(operations, ticket));
    }

    private synchronized long enqueue(Write write) {
        queue.add(write);
        return ++submitted;
    }

    /**
     * Waits until the writer is done with write number {@code number} and every one queued before it
     * (applied, or failed: then it will never be in the store), at most {@code timeoutMillis}.
     *
     * @return false if it timed out
     */
    public boolean awaitProcessed(long number, long timeoutMillis) {
        if (processed >= number) {
            return true;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (progress) {
            while (processed < number) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private void run() {
        List<Write> batch = new ArrayList<>();
        List<StoreOperation> operations = new ArrayList<>();
        List<StoreOperation> unwritten = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MOST_PER_BATCH);
            int taken = batch.size();
            boolean stop = batch.remove(STOP);
            // What a failed batch held goes first, so the store catches up with memory in the original order.
            operations.addAll(unwritten);
            unwritten.clear();
            for (Write write : batch) {
                operations.addAll(write.operations());
            }
            if (!operations.isEmpty() && !write(batch, operations)) {
                keepForRetry(operations, unwritten);
            }
            batch.clear();
            operations.clear();
            synchronized (progress) {
                processed += taken;
                progress.notifyAll();
            }
            if (stop) {
                return;
            }
        }
    }

    /**
     * Keeps a failed batch's operations to apply before the next batch (their publishers were refused,
     * but the sessions' memory already holds these changes). Bounded: past the limit they are dropped, loudly.
     */
    private static void keepForRetry(List<StoreOperation> failed, List<StoreOperation> unwritten) {
        if (failed.size() > MOST_KEPT_FOR_RETRY) {
            LOG.log(ERROR, () -> "Error: " + failed.size() + " unwritten changes dropped: the store may lag behind"
                    + " the broker's state until it restarts.");
            return;
        }
        unwritten.addAll(failed);
    }

    /** @return whether the batch was stored */
    private boolean write(List<Write> batch, List<StoreOperation> operations) {
        long started = System.nanoTime();
        try {
            store.apply(operations);
            applyNanos.add(System.nanoTime() - started);
            batches.increment();
            operationsWritten.add(operations.size());
            if (!healthy) {
                LOG.log(INFO, "Store writes succeed again.");
            }
            healthy = true;
            for (Write write : batch) {
                if (write.ticket() != null) {
                    write.ticket().release();
                }
            }
            return true;
        } catch (RuntimeException e) {
            failedBatches.increment();
            if (healthy) {
                LOG.log(ERROR, () -> "Error: could not store " + operations.size() + " changes: " + e.getMessage()
                        + " QoS 1/2 messages that must be stored are refused while writes fail.");
            }
            healthy = false;
            for (Write write : batch) {
                if (write.ticket() != null) {
                    write.ticket().fail();
                }
            }
            return false;
        }
    }

    public StoreStats stats() {
        return new StoreStats(batches.sum(), operationsWritten.sum(), applyNanos.sum() / 1e9, failedBatches.sum(),
                queue.size());
    }

    /** Writes what is queued, then stops the thread (waiting at most 10 s for it). */
    @Override
    public void close() {
        enqueue(STOP);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
