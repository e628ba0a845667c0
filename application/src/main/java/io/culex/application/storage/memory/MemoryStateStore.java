package io.culex.application.storage.memory;

import io.culex.domain.persistence.RecoveredState;
import io.culex.domain.persistence.RecoveredState.QueuedMessage;
import io.culex.domain.persistence.RecoveredState.RecoveredFlight;
import io.culex.domain.persistence.RecoveredState.RecoveredSession;
import io.culex.domain.persistence.StoreOperation;
import io.culex.domain.persistence.StoreOperation.Dequeued;
import io.culex.domain.persistence.StoreOperation.Enqueued;
import io.culex.domain.persistence.StoreOperation.FlightEnded;
import io.culex.domain.persistence.StoreOperation.FlightReleased;
import io.culex.domain.persistence.StoreOperation.FlightStarted;
import io.culex.domain.persistence.StoreOperation.InboundQos2Received;
import io.culex.domain.persistence.StoreOperation.InboundQos2Released;
import io.culex.domain.persistence.StoreOperation.RetainedDeleted;
import io.culex.domain.persistence.StoreOperation.RetainedSaved;
import io.culex.domain.persistence.StoreOperation.SessionDeleted;
import io.culex.domain.persistence.StoreOperation.SessionDisconnected;
import io.culex.domain.persistence.StoreOperation.SessionSaved;
import io.culex.domain.persistence.StoreOperation.SubscriptionDeleted;
import io.culex.domain.persistence.StoreOperation.SubscriptionSaved;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.port.StateStore;
import io.culex.domain.topic.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reference {@link StateStore}: the contract's meaning in plain collections. Nothing outlives the
 * process; the broker does not journal to it (memory storage is not durable), but every durable backend
 * must behave exactly like it.
 */
public final class MemoryStateStore implements StateStore {

    /** One session's state. */
    private static final class SessionState {
        long expiryIntervalSeconds;
        long disconnectedAt;
        final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        final TreeMap<Long, QueuedMessage> queue = new TreeMap<>();
        final Map<Integer, RecoveredFlight> flights = new LinkedHashMap<>();
        final Set<Integer> inboundQos2 = new LinkedHashSet<>();
    }

    private final Map<String, SessionState> sessions = new LinkedHashMap<>();
    private final Map<String, StoredMessage> retained = new LinkedHashMap<>();

    @Override
    public synchronized void apply(List<StoreOperation> operations) {
        for (StoreOperation operation : operations) {
            applyOne(operation);
        }
    }

    private void applyOne(StoreOperation operation) {
        if (operation instanceof SessionSaved saved) {
            SessionState session = sessions.computeIfAbsent(saved.clientId(), id -> new SessionState());
            session.expiryIntervalSeconds = saved.expiryIntervalSeconds();
            session.disconnectedAt = 0;
        } else if (operation instanceof SessionDisconnected disconnected) {
            withSession(disconnected.clientId(), s -> s.disconnectedAt = disconnected.atEpochMillis());
        } else if (operation instanceof SessionDeleted deleted) {
            sessions.remove(deleted.clientId());
        } else if (operation instanceof SubscriptionSaved saved) {
            withSession(saved.clientId(), s -> s.subscriptions.put(saved.subscription().filter(), saved.subscription()));
        } else if (operation instanceof SubscriptionDeleted deleted) {
            withSession(deleted.clientId(), s -> s.subscriptions.remove(deleted.filter()));
        } else if (operation instanceof Enqueued enqueued) {
            withSession(enqueued.clientId(), s -> s.queue.put(enqueued.sequence(),
                    new QueuedMessage(enqueued.sequence(), enqueued.delivery())));
        } else if (operation instanceof Dequeued dequeued) {
            withSession(dequeued.clientId(), s -> s.queue.remove(dequeued.sequence()));
        } else if (operation instanceof FlightStarted started) {
            withSession(started.clientId(), s -> s.flights.put(started.packetId(),
                    new RecoveredFlight(started.packetId(), started.delivery(), false)));
        } else if (operation instanceof FlightReleased released) {
            withSession(released.clientId(), s -> s.flights.computeIfPresent(released.packetId(),
                    (id, flight) -> new RecoveredFlight(id, flight.delivery(), true)));
        } else if (operation instanceof FlightEnded ended) {
            withSession(ended.clientId(), s -> s.flights.remove(ended.packetId()));
        } else if (operation instanceof InboundQos2Received received) {
            withSession(received.clientId(), s -> s.inboundQos2.add(received.packetId()));
        } else if (operation instanceof InboundQos2Released released) {
            withSession(released.clientId(), s -> s.inboundQos2.remove(released.packetId()));
        } else if (operation instanceof RetainedSaved saved) {
            retained.put(saved.message().topic(), saved.message());
        } else if (operation instanceof RetainedDeleted deleted) {
            retained.remove(deleted.topic());
        }
    }

    /** Changes to a session that does not exist (any more) are ignored, as a replay may bring them. */
    private void withSession(String clientId, java.util.function.Consumer<SessionState> change) {
        SessionState session = sessions.get(clientId);
        if (session != null) {
            change.accept(session);
        }
    }

    @Override
    public synchronized RecoveredState recover() {
        List<RecoveredSession> recovered = new ArrayList<>();
        sessions.forEach((id, s) -> recovered.add(new RecoveredSession(id, s.expiryIntervalSeconds, s.disconnectedAt,
                List.copyOf(s.subscriptions.values()), List.copyOf(s.flights.values()), List.copyOf(s.inboundQos2),
                s.queue.size())));
        return new RecoveredState(recovered, List.copyOf(retained.values()));
    }

    @Override
    public synchronized List<QueuedMessage> readQueue(String clientId, long afterSequence, int limit) {
        SessionState session = sessions.get(clientId);
        if (session == null) {
            return List.of();
        }
        return session.queue.tailMap(afterSequence, false).values().stream().limit(limit).toList();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
