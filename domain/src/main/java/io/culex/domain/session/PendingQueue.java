package io.culex.domain.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Messages waiting for a free slot in the in-flight window or for the client to
 * come back, bounded by count and bytes. Messages over the limit are refused and
 * counted, as Mosquitto drops them.
 */
final class PendingQueue {

    private final ArrayDeque<Delivery> deliveries = new ArrayDeque<>();
    private long bytes;
    private long dropped;

    /** Adds unless a limit is reached; {@code exempt} deliveries ignore the limits. */
    boolean offer(Delivery delivery, SessionLimits limits, boolean exempt) {
        if (!exempt && (deliveries.size() >= limits.maxQueuedMessages()
                || bytes + delivery.sizeInBytes() > limits.maxQueuedBytes())) {
            dropped++;
            return false;
        }
        deliveries.addLast(delivery);
        bytes += delivery.sizeInBytes();
        return true;
    }

    Delivery peek() {
        return deliveries.peekFirst();
    }

    Delivery poll() {
        Delivery head = deliveries.pollFirst();
        if (head != null) {
            bytes -= head.sizeInBytes();
        }
        return head;
    }

    boolean isEmpty() {
        return deliveries.isEmpty();
    }

    int size() {
        return deliveries.size();
    }

    long bytes() {
        return bytes;
    }

    long dropped() {
        return dropped;
    }

    /** Removes and returns the deliveries picked for shared subscriptions, in queue order. */
    List<Delivery> removeShared() {
        List<Delivery> shared = new ArrayList<>();
        for (Iterator<Delivery> it = deliveries.iterator(); it.hasNext(); ) {
            Delivery delivery = it.next();
            if (delivery.isShared()) {
                shared.add(delivery);
                bytes -= delivery.sizeInBytes();
                it.remove();
            }
        }
        return shared;
    }

    List<Delivery> snapshot() {
        return List.copyOf(deliveries);
    }
}
