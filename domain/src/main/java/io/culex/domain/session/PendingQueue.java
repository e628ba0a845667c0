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

    /** A queued delivery with its place in the queue, which identifies it in a store. */
    record Entry(long sequence, Delivery delivery) {
    }

    private final ArrayDeque<Entry> deliveries = new ArrayDeque<>();
    private long bytes;
    private long dropped;
    private long lastSequence;

    /**
     * Adds unless a limit is reached; {@code exempt} deliveries ignore the limits.
     *
     * @return the entry's sequence, or -1 if it was refused
     */
    long offer(Delivery delivery, SessionLimits limits, boolean exempt) {
        if (!exempt && (deliveries.size() >= limits.maxQueuedMessages()
                || bytes + delivery.sizeInBytes() > limits.maxQueuedBytes())) {
            dropped++;
            return -1;
        }
        add(++lastSequence, delivery);
        return lastSequence;
    }

    /** A recovered entry: sequences continue after the highest one restored. */
    void restore(long sequence, Delivery delivery) {
        add(sequence, delivery);
        lastSequence = Math.max(lastSequence, sequence);
    }

    private void add(long sequence, Delivery delivery) {
        deliveries.addLast(new Entry(sequence, delivery));
        bytes += delivery.sizeInBytes();
    }

    Delivery peek() {
        Entry head = deliveries.peekFirst();
        return head == null ? null : head.delivery();
    }

    Entry poll() {
        Entry head = deliveries.pollFirst();
        if (head != null) {
            bytes -= head.delivery().sizeInBytes();
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

    /** Removes and returns the entries picked for shared subscriptions, in queue order. */
    List<Entry> removeShared() {
        List<Entry> shared = new ArrayList<>();
        for (Iterator<Entry> it = deliveries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.delivery().isShared()) {
                shared.add(entry);
                bytes -= entry.delivery().sizeInBytes();
                it.remove();
            }
        }
        return shared;
    }

    List<Delivery> snapshot() {
        return deliveries.stream().map(Entry::delivery).toList();
    }
}
