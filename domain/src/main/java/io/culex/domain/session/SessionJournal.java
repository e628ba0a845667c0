package io.culex.domain.session;

import io.culex.domain.topic.Subscription;

/**
 * Hears every change of a session's durable state, in the order the session makes them, so the
 * application can write them to a store. QoS 0 messages are not journaled: they are not kept
 * across a restart. All methods do nothing by default.
 */
public interface SessionJournal {

    SessionJournal NONE = new SessionJournal() {
    };

    default void subscribed(Subscription subscription) {
    }

    default void unsubscribed(String filter) {
    }

    default void enqueued(long sequence, Delivery delivery) {
    }

    default void dequeued(long sequence) {
    }

    default void flightStarted(int packetId, Delivery delivery) {
    }

    /**
     * The head of the queue went into flight. A journal that writes to a store writes both changes at once:
     * written apart, a crash between them would keep the message in neither the queue nor the flights, and a
     * QoS 2 subscriber that had only stored the PUBLISH (it delivers on PUBREL) would never get it.
     */
    default void dequeuedIntoFlight(long sequence, int packetId, Delivery delivery) {
        dequeued(sequence);
        flightStarted(packetId, delivery);
    }

    /**
     * A QoS 2 flight got its PUBREC. {@code sendPubrel} answers it: a journal that writes to a store runs it
     * only once the release is durable, so that a flight restored after a crash is never "unreleased" when
     * the subscriber has already completed it (it would get the PUBLISH again, as a new message).
     */
    default void flightReleased(int packetId, Runnable sendPubrel) {
        sendPubrel.run();
    }

    default void flightEnded(int packetId) {
    }

    default void inboundQos2Received(int packetId) {
    }

    /**
     * PUBREL for an inbound QoS 2 message. {@code sendPubcomp} answers it: a journal that writes to a store runs
     * it only once the release is durable, so that a broker restarted after a crash never holds the id as
     * unreleased while the client, told PUBCOMP, reuses it for a new message (taken for a re-send and lost).
     */
    default void inboundQos2Released(int packetId, Runnable sendPubcomp) {
        sendPubcomp.run();
    }
}
