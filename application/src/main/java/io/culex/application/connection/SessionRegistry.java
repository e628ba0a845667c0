package io.culex.application.connection;

import static java.lang.System.Logger.Level.INFO;

import io.culex.application.metrics.BrokerMetrics;
import io.culex.application.persistence.Persistence;
import io.culex.application.persistence.StoredForms;
import io.culex.application.routing.Router;
import io.culex.application.session.SessionActor;
import io.culex.application.session.SessionAttachment;
import io.culex.domain.message.Message;
import io.culex.domain.persistence.RecoveredState.RecoveredSession;
import io.culex.domain.port.Authorizer;
import io.culex.domain.port.Clock;
import io.culex.domain.session.Delivery;
import io.culex.domain.session.Session;
import io.culex.domain.session.SessionLimits;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * All sessions by client id, and their lifetimes. Opening a session for a client id that is
 * already connected takes it over: the old connection is ended and, unless the new one asks for
 * a clean start, its state continues on the new connection. A session whose connection ended
 * lives on for its Session Expiry Interval, measured by a timer, so sessions expire while the
 * broker is otherwise idle; a delayed will waits for its own timer or the session's end.
 */
public final class SessionRegistry {

    private static final System.Logger LOG = System.getLogger("io.culex.connection");

    private final ConcurrentMap<String, SessionActor> sessions = new ConcurrentHashMap<>();
    private final Router router;
    /** For sessions created from now on; a reload replaces it, sessions keep the limits they were created with. */
    private volatile SessionLimits limits;
    /** Client ids with limits of their own (a bridge's local session: bridge_max_queued_*), whatever a reload says. */
    private final ConcurrentMap<String, SessionLimits> ownLimits = new ConcurrentHashMap<>();
    private final Set<String> reservedIds = ConcurrentHashMap.newKeySet();
    private final BrokerMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Persistence persistence;

    /**
     * @param timers runs expiry and will-delay timers; their work is handed to the session's thread
     */
    public SessionRegistry(Router router, SessionLimits limits, BrokerMetrics metrics, Clock clock,
                           ScheduledExecutorService timers) {
        this(router, limits, metrics, clock, timers, Persistence.none(clock));
    }

    /** @param persistence where persistent sessions are written */
    public SessionRegistry(Router router, SessionLimits limits, BrokerMetrics metrics, Clock clock,
                           ScheduledExecutorService timers, Persistence persistence) {
        this.router = router;
        this.limits = limits;
        this.metrics = metrics;
        this.clock = clock;
        this.timers = timers;
        this.persistence = persistence;
    }

    /** A configuration reload: sessions created from now on get {@code next}; existing ones keep theirs. */
    public void limits(SessionLimits next) {
        limits = java.util.Objects.requireNonNull(next, "next");
    }

    /**
     * Sessions of {@code clientId} created from now on (also when restored from the store) get {@code own}
     * instead of the broker-wide limits. Call before the session is first created.
     */
    public void limitsFor(String clientId, SessionLimits own) {
        ownLimits.put(clientId, java.util.Objects.requireNonNull(own, "own"));
    }

    /**
     * {@code clientId} belongs to a connection the broker opens itself (a bridge's local side): a network
     * client asking for it is refused, or it would take the session over and the two would take turns.
     */
    public void reserve(String clientId) {
        reservedIds.add(clientId);
    }

    /** Whether {@code clientId} is kept for the broker's own connections (see {@link #reserve}). */
    public boolean isReserved(String clientId) {
        return reservedIds.contains(clientId);
    }

    private SessionLimits limitsOf(String clientId) {
        return ownLimits.getOrDefault(clientId, limits);
    }

    /** What {@link #open} gives a connection: its session, and whether it existed before. */
    record Opened(SessionActor actor, boolean sessionPresent) {
    }

    /**
     * Finds or creates the session for {@code clientId} and queues its attachment to
     * {@code connection}; {@link ClientConnection#sessionAttached} then runs on the session's thread.
     *
     * @param expiryIntervalSeconds the session's expiry from now on (0: it ends with the connection)
     */
    Opened open(String clientId, boolean cleanStart, long expiryIntervalSeconds, ClientConnection connection) {
        SessionActor[] replaced = new SessionActor[1];
        boolean[] resumed = new boolean[1];
        SessionActor actor = sessions.compute(clientId, (id, existing) -> {
            if (existing != null && !cleanStart && existing.isPersistent()) {
                existing.claim();
                resumed[0] = true;
                return existing;
            }
            replaced[0] = existing;
            SessionActor created = new SessionActor(new Session(id, expiryIntervalSeconds, limitsOf(id), clock),
                    connection.eventLoop(), metrics);
            if (expiryIntervalSeconds > 0) {
                created.journal(persistence.journal(id));
            }
            return created;
        });
        boolean sessionPresent = resumed[0];
        Runnable attach = () -> {
            actor.session().expiryIntervalSeconds(expiryIntervalSeconds);
            if (actor.journal() != null) {
                persistence.sessionSaved(clientId, expiryIntervalSeconds);
            }
            SessionAttachment previous = actor.attach(connection);
            if (previous != null) {
                previous.takenOver();
            }
            connection.sessionAttached(actor, sessionPresent);
        };
        SessionActor old = replaced[0];
        if (old == null) {
            actor.execute(attach);
        } else {
            // The replaced session leaves the store before the new one is written under the same id.
            old.execute(() -> {
                endReplaced(old);
                actor.execute(attach);
            });
        }
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

    /**
     * Task only: the connection {@code leaving} of {@code actor} ended.
     *
     * @param will             the will to publish (already checked against the ACL), or null
     * @param willDelaySeconds how long the will waits while the session lives on
     */
    void connectionEnded(SessionActor actor, SessionAttachment leaving, Message will, long willDelaySeconds) {
        if (!actor.detach(leaving)) {
            // Taken over: the session continues on the new connection, which cancels a delayed will.
            if (will != null && (willDelaySeconds == 0 || !actor.isPersistent())) {
                router.publish(will);
            }
            return;
        }
        if (!actor.isPersistent()) {
            publishIfPresent(will);
            discard(actor);
            return;
        }
        Session session = actor.session();
        requeue(actor, router.redistributeShared(session.takeSharedDeliveries(false), actor));
        long expiry = session.expiryIntervalSeconds();
        if (actor.journal() != null) {
            persistence.sessionSaved(actor.clientId(), expiry); // DISCONNECT may have changed it
            persistence.sessionDisconnected(actor.clientId());
        }
        long lifetime = actor.lifetime();
        if (will != null) {
            if (willDelaySeconds == 0) {
                router.publish(will);
            } else {
                long delay = expiry == Session.NEVER_EXPIRES ? willDelaySeconds : Math.min(willDelaySeconds, expiry);
                actor.delayWill(will, clock.monotonicMillis(), timers.schedule(
                        () -> actor.execute(() -> publishDelayedWill(actor, lifetime)), delay, TimeUnit.SECONDS));
            }
        }
        if (expiry != Session.NEVER_EXPIRES) {
            actor.expiryTimer(timers.schedule(() -> actor.execute(() -> expire(actor, lifetime)),
                    expiry, TimeUnit.SECONDS));
        }
    }

    /**
     * Start-up: a persistent session read back from the store, offline until its client connects again,
     * with what is left of its expiry interval (counted from its disconnection, or from now if it was
     * connected when the broker stopped). One whose interval ran out while the broker was down is deleted.
     *
     * @param home       where the session's work runs until a connection attaches
     * @param authorizer decides what the session may receive until its client connects again
     */
    public void restore(RecoveredSession recovered, Executor home, Authorizer authorizer) {
        StoredForms forms = persistence.forms();
        String id = recovered.clientId();
        long expiry = recovered.expiryIntervalSeconds();
        long now = forms.epochMillis();
        long offlineSince = recovered.disconnectedAtEpochMillis() == 0 ? now : recovered.disconnectedAtEpochMillis();
        long remainingMillis = expiry == Session.NEVER_EXPIRES ? Long.MAX_VALUE : expiry * 1000 - (now - offlineSince);
        if (remainingMillis <= 0) {
            persistence.sessionDeleted(id);
            metrics.sessionExpired();
            return;
        }
        Session session = new Session(id, expiry, limitsOf(id), clock);
        recovered.subscriptions().forEach(session::restoreSubscription);
        recovered.flights().forEach(f -> session.restoreFlight(f.packetId(), forms.delivery(f.delivery()), f.released()));
        persistence.restoreQueue(id, session);
        recovered.inboundQos2AwaitingRelease().forEach(session::restoreInboundQos2);
        SessionActor actor = new SessionActor(session, home, metrics);
        actor.journal(persistence.journal(id));
        // Its username is not stored: until the client connects again, the ACL's rules for no user apply.
        actor.permissions(authorizer.permissionsFor(id, null));
        sessions.put(id, actor);
        recovered.subscriptions().forEach(subscription -> router.subscribe(actor, subscription));
        if (recovered.disconnectedAtEpochMillis() == 0) {
            persistence.sessionDisconnected(id);
        }
        if (expiry != Session.NEVER_EXPIRES) {
            actor.execute(() -> {
                long lifetime = actor.lifetime();
                actor.expiryTimer(timers.schedule(() -> actor.execute(() -> expire(actor, lifetime)),
                        remainingMillis, TimeUnit.MILLISECONDS));
            });
        }
    }

    /** Shared-subscription messages nobody else could take stay with the session that had them. */
    private static void requeue(SessionActor actor, List<Delivery> leftovers) {
        for (Delivery delivery : leftovers) {
            actor.offer(delivery);
        }
    }

    private void publishDelayedWill(SessionActor actor, long lifetime) {
        if (actor.lifetime() == lifetime && actor.attachment() == null) {
            publishIfPresent(actor.takeDelayedWill(clock.monotonicMillis()));
        }
    }

    private void expire(SessionActor actor, long lifetime) {
        // Atomic with open(): the session is gone before a connection finds it, or it was claimed and stays.
        boolean[] expired = new boolean[1];
        sessions.computeIfPresent(actor.clientId(), (id, current) -> {
            expired[0] = current == actor && actor.lifetime() == lifetime && actor.attachment() == null;
            return expired[0] ? null : current;
        });
        if (!expired[0]) {
            return;
        }
        LOG.log(INFO, () -> "Client " + actor.clientId() + " session expired.");
        metrics.sessionExpired();
        discard(actor);
    }

    /**
     * Task only: forgets a session (it ended, expired or was replaced). Idempotent. A will still
     * waiting for its delay is published now; shared-subscription messages it held go to other
     * members of their groups.
     */
    void discard(SessionActor actor) {
        if (actor.journal() != null) {
            actor.journal(null);
            persistence.sessionDeleted(actor.clientId());
        }
        actor.cancelTimers();
        publishIfPresent(actor.takeDelayedWill(clock.monotonicMillis()));
        router.unsubscribeAll(actor);
        router.redistributeShared(actor.session().takeSharedDeliveries(true), actor);
        sessions.remove(actor.clientId(), actor);
    }

    private void publishIfPresent(Message will) {
        if (will != null) {
            router.publish(will);
        }
    }

    public int size() {
        return sessions.size();
    }

    /** The session of {@code clientId}, connected or not. */
    public java.util.Optional<SessionActor> find(String clientId) {
        return java.util.Optional.ofNullable(sessions.get(clientId));
    }

    /** Every session now, connected or offline, in no particular order. */
    public List<SessionActor> snapshot() {
        return List.copyOf(sessions.values());
    }
}
