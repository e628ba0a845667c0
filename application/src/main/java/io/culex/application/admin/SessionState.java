package io.culex.application.admin;

import io.culex.domain.session.Session;
import io.culex.domain.topic.Subscription;
import java.util.List;

/**
 * A session's state read on its own thread: a copy, so it can travel to any thread.
 *
 * @param expiryIntervalSeconds how long it outlives its connection ({@link Session#NEVER_EXPIRES}: forever)
 * @param inflight              outbound QoS 1/2 messages awaiting their acknowledgement
 * @param queued                messages waiting for room in the in-flight window or for the client to return
 * @param queuedInMemory        of those, the ones held in memory (a durable store has the rest of a long backlog)
 * @param awaitingRelease       inbound QoS 2 messages awaiting PUBREL
 */
public record SessionState(boolean persistent, long expiryIntervalSeconds, List<Subscription> subscriptions,
                           int inflight, int queued, int queuedInMemory, long queuedBytes,
                           int awaitingRelease) {

    public SessionState {
        subscriptions = List.copyOf(subscriptions);
    }

    /** Session thread only. */
    static SessionState of(Session session) {
        return new SessionState(session.isPersistent(), session.expiryIntervalSeconds(),
                List.copyOf(session.subscriptions().values()), session.inflight().size(), session.pendingCount(),
                session.pendingInMemory(), session.pendingBytes(), session.awaitingReleaseCount());
    }
}
