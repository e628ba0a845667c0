package io.culex.domain.persistence;

import io.culex.domain.topic.Subscription;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link io.culex.domain.port.StateStore} holds, as read back at start-up. Queued messages
 * are not here: a session's queue can be far larger than memory, so they are read page by page with
 * {@link io.culex.domain.port.StateStore#readQueue}.
 */
public record RecoveredState(List<RecoveredSession> sessions, List<StoredMessage> retained) {

    public RecoveredState {
        sessions = List.copyOf(sessions);
        retained = List.copyOf(retained);
    }

    public static RecoveredState empty() {
        return new RecoveredState(List.of(), List.of());
    }

    /**
     * One persistent session.
     *
     * @param disconnectedAtEpochMillis when its last connection ended, or 0 if it was connected when the broker stopped
     * @param flights                   in send order
     * @param queuedCount               how many messages wait in its queue
     */
    public record RecoveredSession(String clientId, long expiryIntervalSeconds, long disconnectedAtEpochMillis,
                                   List<Subscription> subscriptions, List<RecoveredFlight> flights,
                                   List<Integer> inboundQos2AwaitingRelease, long queuedCount) {

        public RecoveredSession {
            Objects.requireNonNull(clientId, "clientId");
            subscriptions = List.copyOf(subscriptions);
            flights = List.copyOf(flights);
            inboundQos2AwaitingRelease = List.copyOf(inboundQos2AwaitingRelease);
        }
    }

    /**
     * An unfinished outbound QoS 1/2 flow.
     *
     * @param released true when PUBREC came (awaiting PUBCOMP: only PUBREL is re-sent)
     */
    public record RecoveredFlight(int packetId, StoredDelivery delivery, boolean released) {

        public RecoveredFlight {
            Objects.requireNonNull(delivery, "delivery");
        }
    }

    /** A message in a session's queue. */
    public record QueuedMessage(long sequence, StoredDelivery delivery) {

        public QueuedMessage {
            Objects.requireNonNull(delivery, "delivery");
        }
    }
}
