package io.culex.adapters.file.journal;

import io.culex.domain.persistence.RecoveredState;
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
import io.culex.domain.persistence.StoredDelivery;
import io.culex.domain.persistence.StoredMessage;
import io.culex.domain.topic.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The store's state in memory, with the meaning of the reference MemoryStateStore, except that a queued
 * message is only a {@link Locations location} in a {@link QueueIndex}. Not thread-safe: the store guards it.
 */
final class LiveState {

    /** One session; the collections are created when first needed (most sessions have few of them). */
    static final class Session {
        long expiryIntervalSeconds;
        long disconnectedAt;
        Map<String, Subscription> subscriptions;
        Map<Integer, RecoveredFlight> flights;
        Set<Integer> inboundQos2;
        final QueueIndex queue = new QueueIndex();
        long flightBytes;
    }

    final Map<String, Session> sessions = new LinkedHashMap<>();
    final Map<String, StoredMessage> retained = new LinkedHashMap<>();
    private long retainedBytes;
    private long flightBytes;
    private long queueBytes;
    private long subscriptionCount;

    /** Applies everything but {@link Enqueued} (see {@link #enqueue}). */
    void apply(StoreOperation operation) {
        if (operation instanceof SessionSaved saved) {
            Session session = sessions.computeIfAbsent(saved.clientId(), id -> new Session());
            session.expiryIntervalSeconds = saved.expiryIntervalSeconds();
            session.disconnectedAt = 0;
        } else if (operation instanceof SessionDisconnected disconnected) {
            Session session = sessions.get(disconnected.clientId());
            if (session != null) {
                session.disconnectedAt = disconnected.atEpochMillis();
            }
        } else if (operation instanceof SessionDeleted deleted) {
            Session session = sessions.remove(deleted.clientId());
            if (session != null) {
                queueBytes -= session.queue.bytes();
                flightBytes -= session.flightBytes;
                subscriptionCount -= session.subscriptions == null ? 0 : session.subscriptions.size();
            }
        } else if (operation instanceof SubscriptionSaved saved) {
            Session session = sessions.get(saved.clientId());
            if (session != null) {
                if (session.subscriptions == null) {
                    session.subscriptions = new LinkedHashMap<>(4);
                }
                if (session.subscriptions.put(saved.subscription().filter(), saved.subscription()) == null) {
                    subscriptionCount++;
                }
            }
        } else if (operation instanceof SubscriptionDeleted deleted) {
            Session session = sessions.get(deleted.clientId());
            if (session != null && session.subscriptions != null
                    && session.subscriptions.remove(deleted.filter()) != null) {
                subscriptionCount--;
            }
        } else if (operation instanceof Dequeued dequeued) {
            Session session = sessions.get(dequeued.clientId());
            if (session != null) {
                long removed = session.queue.remove(dequeued.sequence());
                if (removed != QueueIndex.REMOVED) {
                    queueBytes -= Locations.length(removed);
                }
            }
        } else if (operation instanceof FlightStarted started) {
            Session session = sessions.get(started.clientId());
            if (session != null) {
                if (session.flights == null) {
                    session.flights = new LinkedHashMap<>(4);
                }
                RecoveredFlight previous = session.flights.put(started.packetId(),
                        new RecoveredFlight(started.packetId(), started.delivery(), false));
                changeFlightBytes(session, previous == null ? 0 : -size(previous.delivery()));
                changeFlightBytes(session, size(started.delivery()));
            }
        } else if (operation instanceof FlightReleased released) {
            Session session = sessions.get(released.clientId());
            if (session != null && session.flights != null) {
                session.flights.computeIfPresent(released.packetId(),
                        (id, flight) -> new RecoveredFlight(id, flight.delivery(), true));
            }
        } else if (operation instanceof FlightEnded ended) {
            Session session = sessions.get(ended.clientId());
            if (session != null && session.flights != null) {
                RecoveredFlight previous = session.flights.remove(ended.packetId());
                if (previous != null) {
                    changeFlightBytes(session, -size(previous.delivery()));
                }
            }
        } else if (operation instanceof InboundQos2Received received) {
            Session session = sessions.get(received.clientId());
            if (session != null) {
                if (session.inboundQos2 == null) {
                    session.inboundQos2 = new LinkedHashSet<>(4);
                }
                session.inboundQos2.add(received.packetId());
            }
        } else if (operation instanceof InboundQos2Released released) {
            Session session = sessions.get(released.clientId());
            if (session != null && session.inboundQos2 != null) {
                session.inboundQos2.remove(released.packetId());
            }
        } else if (operation instanceof RetainedSaved saved) {
            StoredMessage previous = retained.put(saved.message().topic(), saved.message());
            retainedBytes += Codec.estimatedSize(saved.message())
                    - (previous == null ? 0 : Codec.estimatedSize(previous));
        } else if (operation instanceof RetainedDeleted deleted) {
            StoredMessage previous = retained.remove(deleted.topic());
            if (previous != null) {
                retainedBytes -= Codec.estimatedSize(previous);
            }
        } else if (operation instanceof Enqueued) {
            throw new IllegalArgumentException("Enqueued goes through enqueue()");
        }
    }

    void enqueue(String clientId, long sequence, long location) {
        Session session = sessions.get(clientId);
        if (session != null) {
            long previous = session.queue.put(sequence, location);
            queueBytes += Locations.length(location)
                    - (previous == QueueIndex.REMOVED ? 0 : Locations.length(previous));
        }
    }

    private static long size(StoredDelivery delivery) {
        return 16L + Codec.estimatedSize(delivery.message());
    }

    private void changeFlightBytes(Session session, long change) {
        session.flightBytes += change;
        flightBytes += change;
    }

    /** Roughly how many bytes a snapshot of this state takes: the compaction trigger compares it with the journal. */
    long liveBytes() {
        return queueBytes + retainedBytes + flightBytes + 48L * sessions.size() + 40L * subscriptionCount;
    }

    long queuedEntries() {
        long count = 0;
        for (Session session : sessions.values()) {
            count += session.queue.size();
        }
        return count;
    }

    /** Heap held by the queue indexes' arrays. */
    long queueIndexBytes() {
        long total = 0;
        for (Session session : sessions.values()) {
            total += session.queue.arrayBytes();
        }
        return total;
    }

    RecoveredState toRecoveredState() {
        List<RecoveredSession> recovered = new ArrayList<>(sessions.size());
        sessions.forEach((id, s) -> recovered.add(new RecoveredSession(id, s.expiryIntervalSeconds, s.disconnectedAt,
                s.subscriptions == null ? List.of() : List.copyOf(s.subscriptions.values()),
                s.flights == null ? List.of() : List.copyOf(s.flights.values()),
                s.inboundQos2 == null ? List.of() : List.copyOf(s.inboundQos2),
                s.queue.size())));
        return new RecoveredState(recovered, List.copyOf(retained.values()));
    }
}
