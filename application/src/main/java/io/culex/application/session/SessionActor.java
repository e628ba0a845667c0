package io.culex.application.session;

import io.culex.application.metrics.BrokerMetrics;
import io.culex.application.metrics.DropReason;
import io.culex.application.persistence.DurabilityTicket;
import io.culex.application.persistence.StoreJournal;
import io.culex.domain.message.Message;
import io.culex.domain.port.Authorizer.Permissions;
import io.culex.domain.session.Delivery;
import io.culex.domain.session.DeliveryOutcome;
import io.culex.domain.session.Session;
import io.culex.domain.session.SessionJournal;
import io.culex.domain.session.Transmitter;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.concurrent.Future;

/**
 * A session and the single thread of work that owns it. Every read or change of
 * the {@link Session} happens inside a task given to {@link #execute}, which runs
 * on the event loop of the session's connection (or of its last connection while
 * it is offline). Methods documented "task only" must be called from such a task.
 */
public final class SessionActor {

    private final Session session;
    private final SerialExecutor executor;
    private final BrokerMetrics metrics;
    private final BacklogMarks marks;
    private final Transmitter transmitter = new AttachedTransmitter();
    /**
     * Written by this session's thread (after each batch of work, and after a queued copy until it is set), read
     * by publishers' threads for every copy routed here: whether this connected session is at its high mark now
     * (a publisher routing here pauses). Written only when it changes.
     */
    private volatile boolean full;
    /** Whether it has not caught up since it was last full (down to the low marks): paused publishers wait. */
    private volatile boolean overloaded;
    /** Publishers paused for this session, woken when it catches up; added to only when a publisher pauses. */
    private final Set<PublisherThrottle> pausedPublishers = ConcurrentHashMap.newKeySet();
    private SessionAttachment attachment;
    private volatile StoreJournal journal;
    private volatile boolean online;
    private boolean wroteSinceFlush;
    // Task only: what waits for the session to expire or a will's delay; both end when a connection attaches.
    private volatile long lifetime; // any thread: see claim()
    private Future<?> expiryTimer;
    private Future<?> willTimer;
    private Message delayedWill;
    private long delayedWillSince;
    /** The ACL of the client that last connected to this session; none until it is known. */
    private volatile Permissions permissions = Permissions.NONE;

    public SessionActor(Session session, Executor home, BrokerMetrics metrics) {
        this(session, home, metrics, BacklogMarks.DEFAULT);
    }

    /** @param marks when this session counts as behind while connected, pausing the publishers that feed it */
    public SessionActor(Session session, Executor home, BrokerMetrics metrics, BacklogMarks marks) {
        this.session = session;
        this.metrics = metrics;
        this.marks = marks.within(session.limits());
        this.executor = new SerialExecutor(home, this::afterBatch);
    }

    /** Runs {@code task} on this session's thread, after the tasks given before it. */
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /**
     * Reads the session on its own thread, from any thread: the future completes with what {@code reader}
     * returns (or its exception). It never completes if the session's thread stops first: give it a timeout.
     */
    public <T> CompletableFuture<T> query(Function<Session, T> reader) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(reader.apply(session));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Hands a message to this session from any thread. */
    public void deliver(Delivery delivery) {
        executor.execute(() -> offer(delivery));
    }

    /**
     * As {@link #deliver(Delivery)}, for a message whose publisher waits until this session's copy is
     * stored ({@code ticket}); a session that writes nothing to a store lets the ticket go at once.
     */
    public void deliver(Delivery delivery, DurabilityTicket ticket) {
        deliver(delivery, ticket, false);
    }

    /** As {@link #deliver(Delivery, DurabilityTicket)}; {@code soleCopy}: no other session stores this message. */
    public void deliver(Delivery delivery, DurabilityTicket ticket, boolean soleCopy) {
        StoreJournal store = journal;
        if (store == null || ticket == null) {
            deliver(delivery);
            return;
        }
        ticket.hold();
        executor.execute(() -> {
            store.during(ticket, soleCopy, () -> offer(delivery));
            ticket.release();
        });
    }

    /** Safe from any thread: whether this session writes its messages to a store. */
    public boolean isJournaled() {
        return journal != null;
    }

    /**
     * Before the session is shared with other threads: its changes are written to a store from now on.
     * Null: not written (memory storage, or a session that ends with its connection).
     */
    public void journal(StoreJournal store) {
        journal = store;
        if (store == null) {
            session.journal(SessionJournal.NONE);
        } else {
            // A deferred PUBREL is for the connection it answers; one that has gone gets it on resumption.
            store.answerOn(answer -> execute(() -> {
                if (attachment != null) {
                    answer.run();
                }
            }));
            session.journal(store, store, StoreJournal.QUEUE_WINDOW);
        }
    }

    /** The session's store journal, or null. */
    public StoreJournal journal() {
        return journal;
    }

    public String clientId() {
        return session.clientId();
    }

    /** Safe from any thread: the ACL that applies to this session's client from now on. */
    public void permissions(Permissions current) {
        permissions = current;
    }

    /** Safe from any thread: whether the ACL lets this session's client read {@code topic}. */
    public boolean mayReceive(String topic) {
        return permissions.canReceive(topic);
    }

    /** Safe from any thread: persistence is fixed when the session is created. */
    public boolean isPersistent() {
        return session.isPersistent();
    }

    /** Safe from any thread: whether a connection is attached (a hint for shared-subscription picks). */
    public boolean isOnline() {
        return online;
    }

    /** Task only. */
    public Session session() {
        return session;
    }

    /** Task only: sends through whatever connection is attached at the time. */
    public Transmitter transmitter() {
        return transmitter;
    }

    /** Task only. @return the connection attached, or null while offline */
    public SessionAttachment attachment() {
        return attachment;
    }

    /** Task only: attaches a connection and moves this session's work to its event loop. @return the previous one */
    public SessionAttachment attach(SessionAttachment next) {
        SessionAttachment previous = attachment;
        attachment = next;
        online = true;
        cancelTimers();
        delayedWill = null; // a reconnect cancels a delayed will
        executor.rehome(next.eventLoop());
        return previous;
    }

    /**
     * Task only: detaches {@code leaving} if it is still the attached connection. An offline session pauses
     * no publisher: its queue keeps the max_queued_messages / max_queued_bytes limits instead.
     */
    public boolean detach(SessionAttachment leaving) {
        if (attachment != leaving) {
            return false;
        }
        attachment = null;
        online = false;
        session.suspend();
        checkBacklog();
        return true;
    }

    /** Safe from any thread: whether this connected session is at its high mark, so a publisher to it should pause. */
    public boolean isFull() {
        return full;
    }

    /** Safe from any thread: whether this session was full and has not caught up yet (down to the low marks). */
    public boolean isOverloaded() {
        return overloaded;
    }

    /** Any thread: {@code publisher} paused for this session; wakes it once the session has caught up. */
    void wakeWhenCaughtUp(PublisherThrottle publisher) {
        pausedPublishers.add(publisher);
        // Caught up meanwhile: the wake-up may have gone out before the publisher was added.
        if (!overloaded && pausedPublishers.remove(publisher)) {
            publisher.wake();
        }
    }

    /**
     * Task only: after a batch of this session's work (or a queued copy), whether it is full or caught up. Publishers pause
     * only for a full session (not for one on its way down), and wait until it has caught up: a publisher
     * feeding many sessions is not held by each one until it is all the way down.
     */
    private void checkBacklog() {
        SessionAttachment attached = attachment;
        boolean atHighMark = false;
        boolean behind = false;
        if (attached != null) {
            long messages = session.pendingCount();
            long bytes = session.pendingBytes();
            // An unwritable socket is a backlog too (QoS 0 then waits in the queue). A long task queue is not
            // counted: it also holds the client's own inbound PUBLISHes, and a flooding publisher must not look
            // behind itself (it would never be paused).
            atHighMark = !attached.isWritable() || marks.exceeded(messages, bytes);
            behind = atHighMark || (overloaded && !marks.drained(messages, bytes));
        }
        if (atHighMark != full) {
            full = atHighMark;
        }
        if (behind == overloaded) {
            return;
        }
        overloaded = behind;
        if (behind) {
            metrics.sessionFellBehind();
            attached.readingNeeded();
        } else {
            wakePausedPublishers();
        }
    }

    private void wakePausedPublishers() {
        for (Iterator<PublisherThrottle> paused = pausedPublishers.iterator(); paused.hasNext(); ) {
            PublisherThrottle publisher = paused.next();
            paused.remove();
            publisher.wake();
        }
    }

    /** Counts the connections that resumed this session; a timer armed under an older count must not fire. */
    public long lifetime() {
        return lifetime;
    }

    /**
     * A connection resumes this session: the timers of the last one no longer apply. Called by the
     * registry while it holds the session's entry, so no expiry can end the session before the
     * connection attaches.
     */
    public void claim() {
        lifetime++;
    }

    /** Task only: the timer that ends this offline session. */
    public void expiryTimer(Future<?> timer) {
        expiryTimer = timer;
    }

    /** Task only: a will that waits, from {@code sinceMillis}, for its delay (or for the session to end first). */
    public void delayWill(Message will, long sinceMillis, Future<?> timer) {
        delayedWill = will;
        delayedWillSince = sinceMillis;
        willTimer = timer;
    }

    /**
     * Task only: takes the delayed will, if one is still waiting, so it is published once. Its Message
     * Expiry Interval runs from {@code nowMillis}, when it is published, not from when it began to wait.
     */
    public Message takeDelayedWill(long nowMillis) {
        Message will = delayedWill;
        delayedWill = null;
        if (willTimer != null) {
            willTimer.cancel(false);
            willTimer = null;
        }
        if (will == null || !will.expires()) {
            return will;
        }
        return new Message(will.topic(), will.payload(), will.qos(), will.retain(), will.properties(),
                will.expiresAt() + (nowMillis - delayedWillSince), will.origin());
    }

    /** Task only: stops the timers of a session that ends or gets a connection again. */
    public void cancelTimers() {
        if (expiryTimer != null) {
            expiryTimer.cancel(false);
            expiryTimer = null;
        }
        if (willTimer != null) {
            willTimer.cancel(false);
            willTimer = null;
        }
    }

    /** Task only: something was written to the connection outside the transmitter (e.g. an ack). */
    public void markWritten() {
        wroteSinceFlush = true;
    }

    /** Task only: offers a live message to the session and counts it if it is dropped. */
    public DeliveryOutcome offer(Delivery delivery) {
        DeliveryOutcome outcome = countingDrops(() -> session.offer(delivery, transmitter));
        if (outcome == DeliveryOutcome.QUEUED && !full) {
            checkBacklog(); // at once, not after the batch: publishers keep routing here until they see it full
        }
        return outcome;
    }

    /** Task only: offers a retained message in answer to a SUBSCRIBE and counts it if it is dropped. */
    public DeliveryOutcome offerRetained(Delivery delivery) {
        return countingDrops(() -> session.offerRetained(delivery, transmitter));
    }

    /** The session's own counters tell why it refused a message: a full queue, expiry, or else an offline QoS 0. */
    private DeliveryOutcome countingDrops(java.util.function.Supplier<DeliveryOutcome> offer) {
        long expiredBefore = session.expiredCount();
        long queueDropsBefore = session.droppedCount();
        DeliveryOutcome outcome = offer.get();
        if (outcome == DeliveryOutcome.DROPPED) {
            metrics.messageDropped(session.expiredCount() > expiredBefore ? DropReason.EXPIRED
                    : session.droppedCount() > queueDropsBefore ? DropReason.QUEUE_FULL : DropReason.OFFLINE_QOS0);
        }
        return outcome;
    }

    private void afterBatch() {
        flushIfWritten();
        checkBacklog();
    }

    private void flushIfWritten() {
        if (wroteSinceFlush && attachment != null) {
            wroteSinceFlush = false;
            attachment.flush();
        }
    }

    private final class AttachedTransmitter implements Transmitter {
        @Override
        public boolean publish(int packetId, Delivery delivery, boolean dup) {
            wroteSinceFlush = true;
            return attachment.transmitter().publish(packetId, delivery, dup);
        }

        @Override
        public void pubrel(int packetId) {
            wroteSinceFlush = true;
            attachment.transmitter().pubrel(packetId);
        }

        @Override
        public boolean readyForQos0() {
            return attachment.transmitter().readyForQos0();
        }
    }
}
