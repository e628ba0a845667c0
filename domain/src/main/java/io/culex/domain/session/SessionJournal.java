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

    default void flightReleased(int packetId) {
    }

    default void flightEnded(int packetId) {
    }

    default void inboundQos2Received(int packetId) {
    }

    default void inboundQos2Released(int packetId) {
    }
}
