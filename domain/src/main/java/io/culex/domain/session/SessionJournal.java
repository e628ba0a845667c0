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

    default void inboundQos2Released(int packetId) {
    }
}
