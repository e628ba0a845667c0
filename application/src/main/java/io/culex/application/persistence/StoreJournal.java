package io.culex.application.persistence;

import io.culex.domain.persistence.StoreOperation.Dequeued;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.FlightEnded;
import io.culex.domain.persistence.StoreOperation.FlightReleased;
import io.culex.domain.persistence.StoreOperation.FlightStarted;
import io.culex.domain.persistence.StoreOperation.InboundQos2Received;
import io.culex.domain.persistence.StoreOperation.InboundQos2Released;
import io.culex.domain.persistence.StoreOperation.SubscriptionDeleted;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.session.Delivery;
import io.culex.domain.session.SessionJournal;
import io.culex.domain.topic.Subscription;

/**
 * Writes one persistent session's changes to the store. A change caused by a message a publisher
 * waits for (a copy of it queued or sent, its QoS 2 id) joins that publisher's
 * {@link DurabilityTicket}, set around the work with {@link #during}. Used on the session's thread.
 */
public final class StoreJournal implements SessionJournal {

    private final String clientId;
    private final StoreWriter writer;
    private final StoredForms forms;
    private DurabilityTicket current;

    StoreJournal(String clientId, StoreWriter writer, StoredForms forms) {
        this.clientId = clientId;
        this.writer = writer;
        this.forms = forms;
    }

    /** Runs {@code work} with the writes it causes joining {@code ticket}. */
    public void during(DurabilityTicket ticket, Runnable work) {
        current = ticket;
        try {
            work.run();
        } finally {
            current = null;
        }
    }

    @Override
    public void subscribed(Subscription subscription) {
        writer.submit(new SubscriptionSaved(clientId, subscription), null);
    }

    @Override
    public void unsubscribed(String filter) {
        writer.submit(new SubscriptionDeleted(clientId, filter), null);
    }

    @Override
    public void enqueued(long sequence, Delivery delivery) {
        writer.submit(new Enqueued(clientId, sequence, forms.stored(delivery)), current);
    }

    @Override
    public void dequeued(long sequence) {
        writer.submit(new Dequeued(clientId, sequence), null);
    }

    @Override
    public void flightStarted(int packetId, Delivery delivery) {
        writer.submit(new FlightStarted(clientId, packetId, forms.stored(delivery)), current);
    }

    @Override
    public void flightReleased(int packetId) {
        writer.submit(new FlightReleased(clientId, packetId), null);
    }

    @Override
    public void flightEnded(int packetId) {
        writer.submit(new FlightEnded(clientId, packetId), null);
    }

    @Override
    public void inboundQos2Received(int packetId) {
        writer.submit(new InboundQos2Received(clientId, packetId), current);
    }

    @Override
    public void inboundQos2Released(int packetId) {
        writer.submit(new InboundQos2Released(clientId, packetId), null);
    }
}
