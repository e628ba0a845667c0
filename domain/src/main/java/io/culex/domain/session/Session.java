package io.culex.domain.session;

import io.culex.domain.message.QoS;
import io.culex.domain.session.OutboundFlight.FlightState;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session aggregate: one client's subscriptions and QoS state, kept while the
 * client is offline when the session is persistent (clean session = false).
 *
 * <p>The outbound QoS 1/2 flows are explicit state machines
 * ({@link FlightState}); at most {@code maxInflight} of them run at once and the
 * rest wait in order in a bounded queue. Inbound QoS 2 packet ids are remembered
 * until PUBREL so that a re-sent PUBLISH is not delivered twice.
 *
 * <p>Not thread-safe: the application touches a session from one thread at a time.
 */
public final class Session {

    private final String clientId;
    private final boolean persistent;
    private final SessionLimits limits;
    private final Map<String, QoS> subscriptions = new LinkedHashMap<>();
    private final LinkedHashMap<Integer, OutboundFlight> inflight = new LinkedHashMap<>();
    private final PendingQueue pending = new PendingQueue();
    private final Set<Integer> inboundQos2AwaitingRelease = new HashSet<>();
    private final PacketIdAllocator packetIds = new PacketIdAllocator();
    private boolean online;

    public Session(String clientId, boolean persistent, SessionLimits limits) {
        this.clientId = clientId;
        this.persistent = persistent;
        this.limits = limits;
    }

    public String clientId() {
        return clientId;
    }

    /** True when the state outlives the connection (MQTT 3.1.1 clean session = false). */
    public boolean isPersistent() {
        return persistent;
    }

    public boolean isOnline() {
        return online;
    }

    // ---- subscriptions ----

    /** @return the QoS previously granted for this filter, or null if it is new */
    public QoS subscribe(String filter, QoS granted) {
        return subscriptions.put(filter, granted);
    }

    public boolean unsubscribe(String filter) {
        return subscriptions.remove(filter) != null;
    }

    public Map<String, QoS> subscriptions() {
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
            return pending.offer(delivery, limits, exemptFromLimits) ? DeliveryOutcome.QUEUED : DeliveryOutcome.DROPPED;
        }
        if (delivery.qos() == QoS.AT_MOST_ONCE) {
            out.publish(0, delivery, false);
            return DeliveryOutcome.SENT;
        }
        if (!pending.isEmpty() || windowIsFull()) {
            return pending.offer(delivery, limits, exemptFromLimits) ? DeliveryOutcome.QUEUED : DeliveryOutcome.DROPPED;
        }
        startFlight(delivery, out);
        return DeliveryOutcome.SENT;
    }

    /** Handles PUBACK. @return false if no QoS 1 flight had this id */
    public boolean acknowledgePuback(int packetId, Transmitter out) {
        OutboundFlight flight = inflight.get(packetId);
        if (flight == null || flight.state() != FlightState.AWAITING_PUBACK) {
            return false;
        }
        inflight.remove(packetId);
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
        out.pubrel(packetId);
        return true;
    }

    /** Handles PUBCOMP. @return false if no flight was awaiting it */
    public boolean acknowledgePubcomp(int packetId, Transmitter out) {
        OutboundFlight flight = inflight.get(packetId);
        if (flight == null || flight.state() != FlightState.AWAITING_PUBCOMP) {
            return false;
        }
        inflight.remove(packetId);
        fillWindow(out);
        return true;
    }

    /**
     * The client is (back) online: re-send every unacknowledged PUBLISH in its
     * original order with DUP set, PUBREL for those already PUBREC'd, then fill
     * the window from the queue.
     */
    public void resume(Transmitter out) {
        online = true;
        for (OutboundFlight flight : inflight.values()) {
            if (flight.state() == FlightState.AWAITING_PUBCOMP) {
                out.pubrel(flight.packetId());
            } else {
                out.publish(flight.packetId(), flight.delivery(), true);
            }
        }
        fillWindow(out);
    }

    /** The client went away; a persistent session keeps queueing until it returns. */
    public void suspend() {
        online = false;
    }

    /** Sends queued messages while the window has room (QoS 0 ones need no slot). */
    public void fillWindow(Transmitter out) {
        while (online && !pending.isEmpty()) {
            Delivery head = pending.peek();
            if (head.qos() == QoS.AT_MOST_ONCE) {
                pending.poll();
                out.publish(0, head, false);
            } else if (windowIsFull()) {
                return;
            } else {
                pending.poll();
                startFlight(head, out);
            }
        }
    }

    private void startFlight(Delivery delivery, Transmitter out) {
        int packetId = packetIds.next(inflight::containsKey);
        FlightState state = delivery.qos() == QoS.AT_LEAST_ONCE ? FlightState.AWAITING_PUBACK : FlightState.AWAITING_PUBREC;
        inflight.put(packetId, new OutboundFlight(packetId, delivery, state));
        out.publish(packetId, delivery, false);
    }

    private boolean windowIsFull() {
        return inflight.size() >= limits.maxInflight();
    }

    // ---- inbound QoS 2: client -> broker ----

    /**
     * Records an inbound QoS 2 PUBLISH. @return true if it is new and must be
     * delivered; false if it is a re-send of one still awaiting PUBREL
     */
    public boolean receiveQos2(int packetId) {
        return inboundQos2AwaitingRelease.add(packetId);
    }

    /** Handles PUBREL: the id may be reused by the client from now on. */
    public boolean release(int packetId) {
        return inboundQos2AwaitingRelease.remove(packetId);
    }

    // ---- observation ----

    public List<OutboundFlight> inflight() {
        return List.copyOf(inflight.values());
    }

    public List<Delivery> pendingSnapshot() {
        return pending.snapshot();
    }

    public int pendingCount() {
        return pending.size();
    }

    public long pendingBytes() {
        return pending.bytes();
    }

    /** Messages refused because the queue was full. */
    public long droppedCount() {
        return pending.dropped();
    }
}
