package io.culex.application.persistence;

import io.culex.domain.persistence.StoreOperation;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits for every store write a published message caused (its copies for persistent sessions,
 * a retained update, the QoS 2 id) before the publisher is acknowledged. The creator holds one
 * part until it has routed the message ({@link #seal()}); each write adds a part that the store
 * writer completes once the write is durable. Thread-safe; the outcome runs once, on the thread
 * that completes the last part.
 */
public final class DurabilityTicket {

    private final AtomicInteger parts = new AtomicInteger(1);
    private final AtomicBoolean failed = new AtomicBoolean();
    private final Runnable onDurable;
    private final Runnable onFailed;
    // Set while the creator still holds its part; taken by the thread that completes the last part.
    private volatile Runnable lastStep;
    // A write that may go into the same store batch as the message's only stored copy; taken once.
    private final AtomicReference<StoreOperation> companion = new AtomicReference<>();

    /**
     * @param onDurable runs when every write is durable
     * @param onFailed  runs instead when any write failed (the message must not be acknowledged as stored)
     */
    public DurabilityTicket(Runnable onDurable, Runnable onFailed) {
        this.onDurable = onDurable;
        this.onFailed = onFailed;
    }

    /** A ticket nobody waits for. */
    public static DurabilityTicket none() {
        return new DurabilityTicket(() -> { }, () -> { });
    }

    /** One more write (or hand-over) to wait for. */
    public void hold() {
        parts.incrementAndGet();
    }

    /**
     * Runs {@code step} once every other part is durable, before the outcome; the writes it submits with
     * this ticket are waited for too. At most one step; it is skipped when a write failed. Call it before
     * {@link #seal()}.
     */
    public void thenWrite(Runnable step) {
        if (lastStep != null) {
            throw new IllegalStateException("a ticket has one last step");
        }
        lastStep = step;
    }

    /**
     * Offers {@code write} to ride with the message's copy, if a single session stores one ({@link
     * #takeCompanion}); whoever takes it writes it. Call it before {@link #seal()}.
     */
    public void offerCompanion(StoreOperation write) {
        companion.set(write);
    }

    /** @return the companion write, once: null if there is none or it was taken */
    public StoreOperation takeCompanion() {
        return companion.getAndSet(null);
    }

    /** Whether a companion write waits to be taken. */
    public boolean hasCompanion() {
        return companion.get() != null;
    }

    /** A write is durable, or a hand-over ended without one. */
    public void release() {
        if (parts.decrementAndGet() != 0) {
            return;
        }
        Runnable step = lastStep;
        if (step != null && !failed.get()) {
            lastStep = null;
            parts.incrementAndGet(); // the step's own hand-over, so its first write cannot end the ticket early
            step.run();
            release();
            return;
        }
        (failed.get() ? onFailed : onDurable).run();
    }

    /** A write failed: the outcome will be {@code onFailed}. */
    void fail() {
        failed.set(true);
        release();
    }

    /** The creator has routed the message: no more parts will be added by it. */
    public void seal() {
        release();
    }
}
