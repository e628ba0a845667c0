package io.culex.domain.session;

import io.culex.domain.message.QoS;
import io.culex.domain.port.Clock;
import io.culex.domain.session.OutboundFlight.FlightState;
import io.culex.domain.topic.Subscription;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session aggregate: one client's subscriptions and QoS state, kept while the
 * client is offline when the session is persistent (a Session Expiry Interval above
 * 0; MQTT 3.x clean session = false).
 *
 * <p>The outbound QoS 1/2 flows are explicit state machines
 * ({@link FlightState}); at most min({@code maxInflight}, the client's Receive
 * Maximum) of them run at once and the rest wait in order in a bounded queue.
 * Messages whose expiry passed before they were sent are dropped, never sent. Inbound QoS 2 packet ids are remembered
 * until PUBREL so that a re-sent PUBLISH is not delivered twice.
 *
 * <p>Not thread-safe: the application touches a session from one thread at a time.
 */
public final class Session {

    /** Session Expiry Interval meaning the session never expires (MQTT 5's 0xFFFFFFFF). */
    public static final long NEVER_EXPIRES = 0xFFFF_FFFFL;

    /** Shared by every session without inbound QoS 2 state; its remove and contains work, add is never called. */
    private static final Set<Integer> NO_PACKET_IDS = Collections.emptySet();
    /** For a flight that starts without passing through the queue. */
    private static final long NOT_QUEUED = -1;

    private final String clientId;
    private final SessionLimits limits;
    private final Clock clock;
    // Volatile: the session registry reads it from other threads to decide whether a reconnect resumes the session.
    private volatile long expiryIntervalSeconds;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final LinkedHashMap<Integer, OutboundFlight> inflight = new LinkedHashMap<>();
    private final PendingQueue pending = new PendingQueue();
    // Empty and shared until the first inbound QoS 2 message: most sessions never receive one (64 bytes each).
    private Set<Integer> inboundQos2AwaitingRelease = NO_PACKET_IDS;
    private final PacketIdAllocator packetIds = new PacketIdAllocator();
    /** Unacknowledged PUBLISHes a resumed connection's Receive Maximum had no room for yet, in send order. */
    // Sized for the usual idle session: ArrayDeque's default is 16 slots, 88 bytes per session, mostly never used.
    private final ArrayDeque<Integer> awaitingResend = new ArrayDeque<>(1);
    private boolean online;
    private int sendWindow;
    private long expiredCount;
    private long oversizeCount;
    private SessionJournal journal = SessionJournal.NONE;

    /**
     * @param expiryIntervalSeconds 0 ends the session with its connection; {@link #NEVER_EXPIRES} keeps it forever
     * @param clock                 what message expiry is measured against
     */
    public Session(String clientId, long expiryIntervalSeconds, SessionLimits limits, Clock clock) {
        this.clientId = clientId;
        this.expiryIntervalSeconds = expiryIntervalSeconds;
        this.limits = limits;
        this.clock = clock;
        this.sendWindow = limits.maxInflight();
    }

    /** From now on every change of durable state is told to {@code journal} (persistent sessions on a durable store). */
    public void journal(SessionJournal journal) {
        this.journal = journal;
        if (journal == SessionJournal.NONE) {
            pending.detachSource();
        }
    }

    /**
     * As {@link #journal(SessionJournal)}, and keeps at most {@code window} queued messages in memory: the
     * rest of a longer backlog is only in the store the journal writes to, read back from {@code source}
     * page by page as the queue drains (see {@link PendingQueue}).
     */
    public void journal(SessionJournal journal, QueueSource source, int window) {
        this.journal = journal;
        pending.spillTo(source, window);
    }

    /** An MQTT 3.x session: persistent ones never expire; messages carry no expiry. */
    public Session(String clientId, boolean persistent, SessionLimits limits) {
        this(clientId, persistent ? NEVER_EXPIRES : 0, limits, () -> 0L);
    }

    public String clientId() {
        return clientId;
    }

    /** The limits the session was created with (max_inflight_messages, max_queued_messages, ...). */
    public SessionLimits limits() {
        return limits;
    }

    /** True when the state outlives the connection (MQTT 3.1.1 clean session = false). */
    public boolean isPersistent() {
        return expiryIntervalSeconds > 0;
    }

    public long expiryIntervalSeconds() {
        return expiryIntervalSeconds;
    }

    /** A new CONNECT or a DISCONNECT set another Session Expiry Interval. */
    public void expiryIntervalSeconds(long seconds) {
        expiryIntervalSeconds = seconds;
    }

    public boolean isOnline() {
        return online;
    }

    // ---- subscriptions ----

    /** Adds or replaces the subscription to its filter. @return the one it replaced, or null if it is new */
    public Subscription subscribe(Subscription subscription) {
        journal.subscribed(subscription);
        return subscriptions.put(subscription.filter(), subscription);
    }

    public boolean unsubscribe(String filter) {
        if (subscriptions.remove(filter) == null) {
            return false;
        }
        journal.unsubscribed(filter);
        return true;
    }

    /** By filter (as the client sent it), in subscription order. */
    public Map<String, Subscription> subscriptions() {
        return Collections.unmodifiableMap(subscriptions);
    }

    // ---- outbound: broker -> client ----

    /** Offers a live message: sent now if the client is online and the window allows, else queued or dropped. */
    public DeliveryOutcome offer(Delivery delivery, Transmitter out) {
        return offer(delivery, out, false);
    }

    /**
     * Offers a retained message sent in answer to a SUBSCRIBE. These are queued past
     * the queue limits: they are bounded by the retained store, and truncating them
     * would silently hide retained state from the subscriber.
     */
    public DeliveryOutcome offerRetained(Delivery delivery, Transmitter out) {
        return offer(delivery, out, true);
    }

    private DeliveryOutcome offer(Delivery delivery, Transmitter out, boolean exemptFromLimits) {
        if (!online) {
            if (delivery.qos() == QoS.AT_MOST_ONCE && !limits.queueQos0WhileOffline()) {
                return DeliveryOutcome.DROPPED;
            }
            return enqueue(delivery, exemptFromLimits);
        }
        if (isExpired(delivery)) {
            return DeliveryOutcome.DROPPED;
        }
        if (delivery.qos() == QoS.AT_MOST_ONCE) {
            if (!out.readyForQos0() || pending.holdsQos0()) {
                return enqueue(delivery, exemptFromLimits); // waits for the connection, behind earlier QoS 0
            }
            return sendQos0(delivery, out) ? DeliveryOutcome.SENT : DeliveryOutcome.TOO_LARGE;
        }
        if (!pending.isEmpty() || windowIsFull()) {
            return enqueue(delivery, exemptFromLimits);
        }
        return startFlight(delivery, out, NOT_QUEUED) ? DeliveryOutcome.SENT : DeliveryOutcome.TOO_LARGE;
    }

    private DeliveryOutcome enqueue(Delivery delivery, boolean exemptFromLimits) {
        long sequence = pending.offer(delivery, limits, exemptFromLimits);
        if (sequence < 0) {
            return DeliveryOutcome.DROPPED;
        }
        if (delivery.qos() != QoS.AT_MOST_ONCE) {
            journal.enqueued(sequence, delivery);
        }
        return DeliveryOutcome.QUEUED;
    }

    /** Takes the head of the queue out, telling the journal so. */
    private Delivery dequeue() {
        PendingQueue.Entry head = pending.poll();
        if (head.delivery().qos() != QoS.AT_MOST_ONCE) {
            journal.dequeued(head.sequence());
        }
        return head.delivery();
    }

    /** Handles PUBACK. @return false if no QoS 1 flight had this id */
    public boolean acknowledgePuback(int packetId, Transmitter out) {
        OutboundFlight flight = inflight.get(packetId);
        if (flight == null || flight.state() != FlightState.AWAITING_PUBACK) {
            return false;
        }
        endFlight(packetId);
        fillWindow(out);
        return true;
    }

    /** Handles PUBREC: answers PUBREL (again, if the PUBREC is repeated). @return false if unknown */
    public boolean acknowledgePubrec(int packetId, Transmitter out) {
        OutboundFlight flight = inflight.get(packetId);
        if (flight == null || flight.state() == FlightState.AWAITING_PUBACK) {
            return false;
        }
        // replace() keeps the flight's place in the original send order
        inflight.replace(packetId, flight.withState(FlightState.AWAITING_PUBCOMP));
        awaitingResend.remove(packetId);
        if (flight.state() == FlightState.AWAITING_PUBREC) {
            journal.flightReleased(packetId, () -> out.pubrel(packetId));
        } else {
            out.pubrel(packetId);
        }
        return true;
    }

    /**
     * Handles a PUBREC with a failure reason code (MQTT 5): the client refused the message, so
     * the flow ends without PUBREL. @return false if no QoS 2 flight awaited a PUBREC with this id
     */
    public boolean acknowledgeRefusedPubrec(int packetId, Transmitter out) {
        OutboundFlight flight = inflight.get(packetId);
        if (flight == null || flight.state() != FlightState.AWAITING_PUBREC) {
            return false;
        }
        endFlight(packetId);
        fillWindow(out);
        return true;
    }

    /** Handles PUBCOMP. @return false if no flight was awaiting it */
    public boolean acknowledgePubcomp(int packetId, Transmitter out) {
        OutboundFlight flight = inflight.get(packetId);
        if (flight == null || flight.state() != FlightState.AWAITING_PUBCOMP) {
            return false;
        }
        endFlight(packetId);
        fillWindow(out);
        return true;
    }

    /**
     * The client is (back) online: re-send every unacknowledged PUBLISH in its
     * original order with DUP set (as many as the window holds now, the rest as
     * acknowledgements free slots), PUBREL for those already PUBREC'd, then fill
     * the window from the queue.
     */
    public void resume(Transmitter out) {
        resume(out, limits.maxInflight());
    }

    /** As {@link #resume(Transmitter)} for a client that accepts at most {@code receiveMaximum} flows at once. */
    public void resume(Transmitter out, int receiveMaximum) {
        online = true;
        sendWindow = Math.max(1, Math.min(limits.maxInflight(), receiveMaximum));
        awaitingResend.clear();
        // Released QoS 2 flows keep their slot until PUBCOMP; the PUBLISHes share what is left.
        long slotsTaken = inflight.values().stream().filter(f -> f.state() == FlightState.AWAITING_PUBCOMP).count();
        for (Iterator<OutboundFlight> flights = inflight.values().iterator(); flights.hasNext(); ) {
            OutboundFlight flight = flights.next();
            if (flight.state() == FlightState.AWAITING_PUBCOMP) {
                out.pubrel(flight.packetId());
            } else if (slotsTaken >= sendWindow || !awaitingResend.isEmpty()) {
                awaitingResend.add(flight.packetId());
            } else if (out.publish(flight.packetId(), flight.delivery(), true)) {
                slotsTaken++;
            } else {
                oversizeCount++;
                flights.remove();
                packetIds.release(flight.packetId());
                journal.flightEnded(flight.packetId());
            }
        }
        fillWindow(out);
    }

    /** The client went away; a persistent session keeps queueing until it returns. */
    public void suspend() {
        online = false;
    }

    /**
     * Re-sends the unacknowledged PUBLISHes that waited for room, then sends queued messages, while
     * the window has room (QoS 0 ones need no slot).
     */
    public void fillWindow(Transmitter out) {
        while (online && !awaitingResend.isEmpty() && !windowIsFull()) {
            int packetId = awaitingResend.poll();
            OutboundFlight flight = inflight.get(packetId);
            if (flight != null && !out.publish(packetId, flight.delivery(), true)) {
                oversizeCount++;
                inflight.remove(packetId);
                packetIds.release(packetId);
                journal.flightEnded(packetId);
            }
        }
        if (!awaitingResend.isEmpty()) {
            return; // queued messages come after the re-sends, in order
        }
        while (online && !pending.isEmpty()) {
            Delivery head = pending.peek();
            if (head == null) {
                return; // the rest of the queue was on disk only and is gone (see PendingQueue#load)
            } else if (isExpired(head)) {
                dequeue();
            } else if (head.qos() == QoS.AT_MOST_ONCE) {
                if (!out.readyForQos0()) {
                    return; // the rest waits until the connection drains (fillWindow again)
                }
                dequeue();
                sendQos0(head, out);
            } else if (windowIsFull()) {
                return;
            } else {
                PendingQueue.Entry entry = pending.poll();
                startFlight(entry.delivery(), out, entry.sequence());
            }
        }
    }

    private boolean sendQos0(Delivery delivery, Transmitter out) {
        if (out.publish(0, delivery, false)) {
            return true;
        }
        oversizeCount++;
        return false;
    }

    /**
     * @param queuedSequence the delivery's place in the queue it was just taken from, or {@link #NOT_QUEUED}
     * @return false if the client could not take the PUBLISH (too big): then no flight is started
     */
    private boolean startFlight(Delivery delivery, Transmitter out, long queuedSequence) {
        int packetId = packetIds.next();
        FlightState state = delivery.qos() == QoS.AT_LEAST_ONCE ? FlightState.AWAITING_PUBACK : FlightState.AWAITING_PUBREC;
        inflight.put(packetId, new OutboundFlight(packetId, delivery, state));
        if (out.publish(packetId, delivery, false)) {
            if (queuedSequence == NOT_QUEUED) {
                journal.flightStarted(packetId, delivery);
            } else {
                journal.dequeuedIntoFlight(queuedSequence, packetId, delivery);
            }
            return true;
        }
        inflight.remove(packetId);
        packetIds.release(packetId);
        if (queuedSequence != NOT_QUEUED) {
            journal.dequeued(queuedSequence);
        }
        oversizeCount++;
        return false;
    }

    private void endFlight(int packetId) {
        inflight.remove(packetId);
        packetIds.release(packetId);
        awaitingResend.remove(packetId);
        journal.flightEnded(packetId);
    }

    /** Flights count once sent (or re-sent on this connection); those awaiting their re-send hold no slot yet. */
    private boolean windowIsFull() {
        return inflight.size() - awaitingResend.size() >= sendWindow;
    }

    private boolean isExpired(Delivery delivery) {
        if (delivery.message().isExpiredAt(clock.monotonicMillis())) {
            expiredCount++;
            return true;
        }
        return false;
    }

    // ---- shared subscriptions ----

    /**
     * Takes out the deliveries picked for a shared subscription that this session has not
     * completed, so another member of the group can have them (MQTT 5, 4.8.2): queued ones and
     * unacknowledged QoS 1 ones; QoS 2 flights only with {@code includeQos2}, since the client
     * may have received one already and only an ended session can no longer complete it. Of a queue
     * whose tail is on disk only, the part in memory: the rest stays queued here.
     */
    public List<Delivery> takeSharedDeliveries(boolean includeQos2) {
        List<Delivery> taken = new ArrayList<>();
        for (Iterator<OutboundFlight> flights = inflight.values().iterator(); flights.hasNext(); ) {
            OutboundFlight flight = flights.next();
            boolean movable = flight.state() == FlightState.AWAITING_PUBACK
                    || (includeQos2 && flight.state() == FlightState.AWAITING_PUBREC);
            if (flight.delivery().isShared() && movable) {
                taken.add(flight.delivery());
                flights.remove();
                packetIds.release(flight.packetId());
                awaitingResend.remove(flight.packetId());
                journal.flightEnded(flight.packetId());
            }
        }
        for (PendingQueue.Entry entry : pending.removeShared()) {
            if (entry.delivery().qos() != QoS.AT_MOST_ONCE) {
                journal.dequeued(entry.sequence());
            }
            taken.add(entry.delivery());
        }
        return taken;
    }

    // ---- inbound QoS 2: client -> broker ----

    /**
     * Records an inbound QoS 2 PUBLISH. @return true if it is new and must be
     * delivered; false if it is a re-send of one still awaiting PUBREL
     */
    public boolean receiveQos2(int packetId) {
        if (!awaitingRelease().add(packetId)) {
            return false;
        }
        journal.inboundQos2Received(packetId);
        return true;
    }

    /** Whether an inbound QoS 2 PUBLISH with this id awaits its PUBREL (a re-send is then no new message). */
    public boolean awaitsRelease(int packetId) {
        return inboundQos2AwaitingRelease.contains(packetId);
    }

    /** Inbound QoS 2 messages received and not yet released: they count against the broker's Receive Maximum. */
    public int awaitingReleaseCount() {
        return inboundQos2AwaitingRelease.size();
    }

    /**
     * Handles PUBREL: the id may be reused by the client from now on. {@code sendPubcomp} answers it when
     * the journal has the release (see {@link SessionJournal#inboundQos2Released}).
     *
     * @return false if no message awaited this PUBREL: then {@code sendPubcomp} is not run
     */
    public boolean release(int packetId, Runnable sendPubcomp) {
        if (!inboundQos2AwaitingRelease.remove(packetId)) {
            return false;
        }
        journal.inboundQos2Released(packetId, sendPubcomp);
        return true;
    }

    // ---- recovery from a store (nothing is journaled: it is already there) ----

    public void restoreSubscription(Subscription subscription) {
        subscriptions.put(subscription.filter(), subscription);
    }

    /** An unfinished flight, in send order; {@code released}: PUBREC came, PUBCOMP is awaited. */
    public void restoreFlight(int packetId, Delivery delivery, boolean released) {
        FlightState state = released ? FlightState.AWAITING_PUBCOMP
                : delivery.qos() == QoS.AT_LEAST_ONCE ? FlightState.AWAITING_PUBACK : FlightState.AWAITING_PUBREC;
        inflight.put(packetId, new OutboundFlight(packetId, delivery, state));
        packetIds.claim(packetId);
    }

    public void restoreQueued(long sequence, Delivery delivery) {
        pending.restore(sequence, delivery);
    }

    /**
     * The rest of a restored queue, after the entries given to {@link #restoreQueued}: left in the store,
     * read back page by page through the session's {@link QueueSource} as the queue drains.
     */
    public void restoreSpilledQueue(long count, long bytes, long highestSequence) {
        pending.restoreSpilled(count, bytes, highestSequence);
    }

    public void restoreInboundQos2(int packetId) {
        awaitingRelease().add(packetId);
    }

    private Set<Integer> awaitingRelease() {
        if (inboundQos2AwaitingRelease == NO_PACKET_IDS) {
            inboundQos2AwaitingRelease = new HashSet<>();
        }
        return inboundQos2AwaitingRelease;
    }

    // ---- observation ----

    public List<OutboundFlight> inflight() {
        return List.copyOf(inflight.values());
    }

    /** The queued messages held in memory, in order: the whole queue, or its head when the rest is on disk only. */
    public List<Delivery> pendingSnapshot() {
        return pending.snapshot();
    }

    /** Every queued message, including those on disk only. */
    public int pendingCount() {
        return (int) Math.min(Integer.MAX_VALUE, pending.size());
    }

    /** Queued messages held in memory (bounded by the window when the session has a {@link QueueSource}). */
    public int pendingInMemory() {
        return pending.inMemory();
    }

    /** Queued messages only the store has. */
    public long pendingOnDisk() {
        return pending.spilled();
    }

    public long pendingBytes() {
        return pending.bytes();
    }

    /** Messages refused because the queue was full. */
    public long droppedCount() {
        return pending.dropped();
    }

    /** Messages whose Message Expiry Interval ran out before they could be sent. */
    public long expiredCount() {
        return expiredCount;
    }

    /** Messages not sent because they were bigger than the client's Maximum Packet Size. */
    public long oversizeCount() {
        return oversizeCount;
    }
}
