package io.culex.application.connection;

import io.culex.application.metrics.BrokerMetrics;
import io.culex.application.routing.Router;
import io.culex.application.session.SessionActor;
import io.culex.application.session.SessionAttachment;
import io.culex.domain.session.Session;
import io.culex.domain.session.SessionLimits;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * All sessions by client id. Opening a session for a client id that is already
 * connected takes it over: the old connection is ended and, when both sides want
 * a persistent session, its state continues on the new connection.
 */
public final class SessionRegistry {

    private final ConcurrentMap<String, SessionActor> sessions = new ConcurrentHashMap<>();
    private final Router router;
    private final SessionLimits limits;
    private final BrokerMetrics metrics;

    public SessionRegistry(Router router, SessionLimits limits, BrokerMetrics metrics) {
        this.router = router;
        this.limits = limits;
        this.metrics = metrics;
    }

    /** What {@link #open} gives a connection: its session, and whether it existed before. */
    record Opened(SessionActor actor, boolean sessionPresent) {
    }

    /**
     * Finds or creates the session for {@code clientId} and queues its attachment
     * to {@code connection}; {@code onAttached} then runs on the session's thread.
     */
    Opened open(String clientId, boolean cleanSession, ClientConnection connection) {
        SessionActor[] replaced = new SessionActor[1];
        boolean[] resumed = new boolean[1];
        SessionActor actor = sessions.compute(clientId, (id, existing) -> {
            if (existing != null && !cleanSession && existing.isPersistent()) {
                resumed[0] = true;
                return existing;
            }
            replaced[0] = existing;
            return new SessionActor(new Session(id, !cleanSession, limits), connection.eventLoop(), metrics);
        });
        if (replaced[0] != null) {
            SessionActor old = replaced[0];
            old.execute(() -> endReplaced(old));
        }
        boolean sessionPresent = resumed[0];
        actor.execute(() -> {
            SessionAttachment previous = actor.attach(connection);
            if (previous != null) {
                previous.takenOver();
            }
            connection.sessionAttached(actor, sessionPresent);
        });
        return new Opened(actor, sessionPresent);
    }

    /** Task only: a session replaced by a clean one loses its connection and its subscriptions. */
    private void endReplaced(SessionActor old) {
        SessionAttachment attached = old.attachment();
        if (attached != null) {
            attached.takenOver();
        }
        discard(old);
    }

    /** Task only: forgets a session (clean session ended, or replaced). Idempotent. */
    void discard(SessionActor actor) {
        router.unsubscribeAll(actor);
        sessions.remove(actor.clientId(), actor);
    }

    public int size() {
        return sessions.size();
    }
}
