package io.culex.application.persistence;

import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Dequeued;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.FlightEnded;
import io.culex.domain.persistence.StoreOperation.FlightReleased;
import io.culex.domain.persistence.StoreOperation.FlightStarted;
import io.culex.domain.persistence.StoreOperation.InboundQos2Received;
import io.culex.domain.persistence.StoreOperation.InboundQos2Released;
import io.culex.domain.persistence.StoreOperation.SubscriptionDeleted;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.port.StateStore;
import io.culex.domain.session.Delivery;
import io.culex.domain.session.QueueSource;
import io.culex.domain.session.SessionJournal;
import io.culex.domain.topic.Subscription;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Writes one persistent session's changes to the store. A change caused by a message a publisher
 * waits for (a copy of it queued or sent, its QoS 2 id) joins that publisher's
 * {@link DurabilityTicket}, set around the work with {@link #during}. Used on the session's thread.
 *
 * <p>It is also where the session's queue continues beyond the {@link #QUEUE_WINDOW} it keeps in
 * memory ({@link QueueSource}): pages are read from the store.
 */
public final class StoreJournal implements SessionJournal, QueueSource {

    /** Queued messages a journaled session keeps in memory; the rest of its backlog is read back from the store. */
    public static final int QUEUE_WINDOW = 1000;
    private static final long READ_WAIT_MILLIS = 30_000;

    private final String clientId;
    private final StoreWriter writer;
    private final StateStore store;
    private final StoredForms forms;
    private DurabilityTicket current;
    private boolean currentIsSoleCopy;
    private Executor sessionThread = Runnable::run;
    /** The writer's number of this session's latest write. */
    private long lastWrite;

    StoreJournal(String clientId, StoreWriter writer, StateStore store, StoredForms forms) {
        this.clientId = clientId;
        this.writer = writer;
        this.store = store;
        this.forms = forms;
    }

    /**
     * The next page of the session's queue from the store. The session keeps no copy of the entries it
     * asks for, and the latest of them may have been journaled moments ago: their Enqueued writes could
     * still wait in the writer's queue, and a read now would miss them (the session would give them up as
     * lost). So the read first waits until the writer is done with this session's latest write and with
     * every write queued before it (the writer works in queue order): then the store holds exactly the
     * queue the session counts, its Dequeued writes included. The wait is free for a backlog built while
     * the client was away; while messages keep arriving or the queue drains it is at most one group
     * commit per page, and it keeps a fast drain from piling its writes up in the writer's queue (the
     * drain goes no faster than the store). A write that failed is not in the store: its publisher was
     * refused, and the session gives the entry up (PendingQueue#load).
     */
    @Override
    public List<Queued> read(long afterSequence, int limit) {
        writer.awaitProcessed(lastWrite, READ_WAIT_MILLIS);
        return store.readQueue(clientId, afterSequence, limit).stream()
                .map(q -> new Queued(q.sequence(), forms.delivery(q.delivery())))
                .toList();
    }

    /** Runs {@code work} with the writes it causes joining {@code ticket}. */
    public void during(DurabilityTicket ticket, Runnable work) {
        during(ticket, false, work);
    }

    /**
     * As {@link #during(DurabilityTicket, Runnable)}; {@code soleCopy}: this session stores the message's only
     * copy, so the copy's write takes the ticket's companion (the publisher's QoS 2 id) into its batch.
     */
    public void during(DurabilityTicket ticket, boolean soleCopy, Runnable work) {
        current = ticket;
        currentIsSoleCopy = soleCopy;
        try {
            work.run();
        } finally {
            current = null;
            currentIsSoleCopy = false;
        }
    }

    /** Writes a copy of the current message; the sole copy brings its companion along. */
    private long submitCopy(StoreOperation copy) {
        StoreOperation companion = currentIsSoleCopy && current != null ? current.takeCompanion() : null;
        return companion == null ? writer.submit(copy, current)
                : writer.submitTogether(List.of(copy, companion), current);
    }

    @Override
    public void subscribed(Subscription subscription) {
        lastWrite = writer.submit(new SubscriptionSaved(clientId, subscription), null);
    }

    @Override
    public void unsubscribed(String filter) {
        lastWrite = writer.submit(new SubscriptionDeleted(clientId, filter), null);
    }

    @Override
    public void enqueued(long sequence, Delivery delivery) {
        lastWrite = submitCopy(new Enqueued(clientId, sequence, forms.stored(delivery)));
    }

    @Override
    public void dequeued(long sequence) {
        lastWrite = writer.submit(new Dequeued(clientId, sequence), null);
    }

    @Override
    public void flightStarted(int packetId, Delivery delivery) {
        lastWrite = submitCopy(new FlightStarted(clientId, packetId, forms.stored(delivery)));
    }

    @Override
    public void dequeuedIntoFlight(long sequence, int packetId, Delivery delivery) {
        lastWrite = writer.submitTogether(List.of(new Dequeued(clientId, sequence),
                new FlightStarted(clientId, packetId, forms.stored(delivery))), current);
    }

    /** PUBREL waits for the release to be durable (see {@link SessionJournal#flightReleased}). */
    @Override
    public void flightReleased(int packetId, Runnable sendPubrel) {
        writeThenAnswer(new FlightReleased(clientId, packetId), sendPubrel);
    }

    /**
     * Runs {@code answer} on the session's thread once {@code change} is durable, or failed: the store error is
     * logged, and withholding the answer would stall the client's flow.
     */
    private void writeThenAnswer(StoreOperation change, Runnable answer) {
        Runnable onSessionThread = () -> sessionThread.execute(answer);
        DurabilityTicket written = new DurabilityTicket(onSessionThread, onSessionThread);
        lastWrite = writer.submit(change, written);
        written.seal();
    }

    /** Where the answers that wait for a write (PUBREL, PUBCOMP) run: the session's thread. Set before the first change. */
    public void answerOn(Executor sessionThread) {
        this.sessionThread = sessionThread;
    }

    @Override
    public void flightEnded(int packetId) {
        lastWrite = writer.submit(new FlightEnded(clientId, packetId), null);
    }

    /**
     * The id of an inbound QoS 2 message must never reach the store before the message's copies: a crash could
     * keep the id without them (they are journaled later, by the subscribers' sessions), and the publisher's
     * re-sent PUBLISH would be taken for delivered and lost. When one session stores the only copy, the id goes
     * into the same batch as that copy ({@link #during(DurabilityTicket, boolean, Runnable)}): kept together or
     * not at all, so the message is delivered exactly once across a crash. Otherwise it is written last, once
     * every copy is durable; the window left there is a crash between the two (copies kept, id not: the re-sent
     * message is delivered twice).
     */
    @Override
    public void inboundQos2Received(int packetId) {
        InboundQos2Received received = new InboundQos2Received(clientId, packetId);
        DurabilityTicket routed = current;
        if (routed == null) {
            lastWrite = writer.submit(received, null);
            return;
        }
        routed.offerCompanion(received);
        routed.thenWrite(() -> {
            StoreOperation untaken = routed.takeCompanion();
            if (untaken != null) {
                writer.submit(untaken, routed);
            }
        });
    }

    /** PUBCOMP waits for the release to be durable (see {@link SessionJournal#inboundQos2Released}). */
    @Override
    public void inboundQos2Released(int packetId, Runnable sendPubcomp) {
        writeThenAnswer(new InboundQos2Released(clientId, packetId), sendPubcomp);
    }
}
