package io.culex.domain.persistence;

import io.culex.domain.topic.Subscription;
import java.util.Objects;

/**
 * One change to the durable state. A {@link io.culex.domain.port.StateStore} applies a batch of them in
 * order, all or nothing. Deleting what does not exist is not an error (a replayed batch must apply cleanly).
 */
public sealed interface StoreOperation {

    /** The client's session exists (created or resumed) with this expiry; a connected session has no end time. */
    record SessionSaved(String clientId, long expiryIntervalSeconds) implements StoreOperation {
        public SessionSaved {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** The session's connection ended at this wall-clock time: the expiry interval counts from here. */
    record SessionDisconnected(String clientId, long atEpochMillis) implements StoreOperation {
        public SessionDisconnected {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** The session ended: it goes with its subscriptions, queue, flights and inbound QoS 2 ids. */
    record SessionDeleted(String clientId) implements StoreOperation {
        public SessionDeleted {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** Adds or replaces the subscription to {@code subscription.filter()}. */
    record SubscriptionSaved(String clientId, Subscription subscription) implements StoreOperation {
        public SubscriptionSaved {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(subscription, "subscription");
        }
    }

    record SubscriptionDeleted(String clientId, String filter) implements StoreOperation {
        public SubscriptionDeleted {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** A message waits in the session's queue; sequences increase in queue order. */
    record Enqueued(String clientId, long sequence, StoredDelivery delivery) implements StoreOperation {
        public Enqueued {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(delivery, "delivery");
        }
    }

    /** The queued message left the queue (sent, expired or dropped). */
    record Dequeued(String clientId, long sequence) implements StoreOperation {
        public Dequeued {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** A QoS 1/2 PUBLISH was sent under this packet id and awaits PUBACK or PUBREC; flights keep their send order. */
    record FlightStarted(String clientId, int packetId, StoredDelivery delivery) implements StoreOperation {
        public FlightStarted {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(delivery, "delivery");
        }
    }

    /** PUBREC came for this QoS 2 flight: it now awaits PUBCOMP (the message itself is no longer needed). */
    record FlightReleased(String clientId, int packetId) implements StoreOperation {
        public FlightReleased {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** The flight ended (PUBACK, PUBCOMP, refused, or dropped). */
    record FlightEnded(String clientId, int packetId) implements StoreOperation {
        public FlightEnded {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** An inbound QoS 2 PUBLISH was delivered and awaits PUBREL: a re-send must not be delivered again. */
    record InboundQos2Received(String clientId, int packetId) implements StoreOperation {
        public InboundQos2Received {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    record InboundQos2Released(String clientId, int packetId) implements StoreOperation {
        public InboundQos2Released {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** The retained message of {@code message.topic()}, replacing the previous one. */
    record RetainedSaved(StoredMessage message) implements StoreOperation {
        public RetainedSaved {
            Objects.requireNonNull(message, "message");
        }
    }

    record RetainedDeleted(String topic) implements StoreOperation {
        public RetainedDeleted {
            Objects.requireNonNull(topic, "topic");
        }
    }
}
