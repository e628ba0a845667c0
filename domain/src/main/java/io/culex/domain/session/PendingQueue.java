package io.culex.domain.session;

import io.culex.domain.message.QoS;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Messages waiting for a free slot in the in-flight window or for the client to
 * come back, bounded by count and bytes. Messages over the limit are refused and
 * counted, as Mosquitto drops them.
 *
 * <p>With a {@link QueueSource} (a journaled session on a durable store) only a window of the queue's
 * head is kept in memory. Once the window is full, further QoS 1/2 messages are only journaled
 * (their {@code enqueued} write is the copy) and counted: the queue is <em>spilled</em>. While it is
 * spilled, every new message goes behind the ones on disk, so nothing overtakes them; when the
 * window runs dry the next page is read from the source, in sequence order, until the disk part is
 * used up. QoS 0 messages are never journaled, so one is queued only while the queue is not spilled
 * and the window has room; otherwise it is dropped (and counted as dropped). The limits
 * (max_queued_messages / max_queued_bytes) count every queued message, in memory and on disk.
 */
final class PendingQueue {

    /** A queued delivery with its place in the queue, which identifies it in a store. */
    record Entry(long sequence, Delivery delivery) {
    }

    // Small at first (the default is 16 slots, 88 bytes): most sessions are idle; it grows when used.
    private final ArrayDeque<Entry> deliveries = new ArrayDeque<>(1);
    private long bytes;
    /** QoS 0 entries in memory (they are never spilled). */
    private int qos0Entries;
    private long dropped;
    private long lastSequence;
    private QueueSource source;
    private int window = Integer.MAX_VALUE;
    /** Entries only the source has: all with a sequence above {@link #loadedThrough}. */
    private long spilledCount;
    private long spilledBytes;
    /** The highest sequence read into memory (or queued there); the source is read after it. */
    private long loadedThrough;

    /** From now on keeps at most about {@code window} entries in memory, the rest only in {@code source}. */
    void spillTo(QueueSource source, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.source = source;
        this.window = window;
    }

    /** The session no longer has a source (it ends): what is on disk only is given up. */
    void detachSource() {
        source = null;
        window = Integer.MAX_VALUE;
        spilledCount = 0;
        spilledBytes = 0;
    }

    /**
     * Adds unless a limit is reached; {@code exempt} deliveries ignore the limits.
     *
     * @return the entry's sequence, or -1 if it was refused
     */
    long offer(Delivery delivery, SessionLimits limits, boolean exempt) {
        if (!exempt && (size() >= limits.maxQueuedMessages()
                || bytes() + delivery.sizeInBytes() > limits.maxQueuedBytes())) {
            dropped++;
            return -1;
        }
        boolean journaled = delivery.qos() != QoS.AT_MOST_ONCE;
        boolean windowFull = spilledCount > 0 || deliveries.size() >= window;
        if (windowFull && !journaled) {
            dropped++; // a QoS 0 message has no copy on disk to come back from
            return -1;
        }
        long sequence = ++lastSequence;
        if (windowFull && source != null) {
            spilledCount++;
            spilledBytes += delivery.sizeInBytes();
        } else {
            add(sequence, delivery);
        }
        return sequence;
    }

    /** A recovered entry: sequences continue after the highest one restored. */
    void restore(long sequence, Delivery delivery) {
        add(sequence, delivery);
        lastSequence = Math.max(lastSequence, sequence);
    }

    /** Recovered entries left in the store, all after those restored: {@code count} of them, {@code bytes} in all. */
    void restoreSpilled(long count, long totalBytes, long highestSequence) {
        spilledCount += count;
        spilledBytes += totalBytes;
        lastSequence = Math.max(lastSequence, highestSequence);
    }

    private void add(long sequence, Delivery delivery) {
        deliveries.addLast(new Entry(sequence, delivery));
        bytes += delivery.sizeInBytes();
        if (delivery.qos() == QoS.AT_MOST_ONCE) {
            qos0Entries++;
        }
        loadedThrough = Math.max(loadedThrough, sequence);
    }

    /** The head, read from the source first if memory holds none; null if the queue is empty. */
    Delivery peek() {
        if (deliveries.isEmpty()) {
            load();
        }
        Entry head = deliveries.peekFirst();
        return head == null ? null : head.delivery();
    }

    Entry poll() {
        if (deliveries.isEmpty()) {
            load();
        }
        Entry head = deliveries.pollFirst();
        if (head != null) {
            bytes -= head.delivery().sizeInBytes();
            if (head.delivery().qos() == QoS.AT_MOST_ONCE) {
                qos0Entries--;
            }
        }
        return head;
    }

    /** Reads the next page of the spilled part into memory. */
    private void load() {
        if (spilledCount == 0 || source == null) {
            return;
        }
        int limit = (int) Math.min(window, spilledCount);
        List<QueueSource.Queued> page = source.read(loadedThrough, limit);
        for (QueueSource.Queued queued : page) {
            if (queued.sequence() <= loadedThrough) {
                continue; // never expected; a source must not make the queue go back
            }
            add(queued.sequence(), queued.delivery());
            spilledCount--;
            spilledBytes -= queued.delivery().sizeInBytes();
        }
        if (page.size() < limit || spilledCount <= 0) {
            // The source has nothing more: what is still counted never reached the store (a failed
            // write, whose publisher was not acknowledged). It is given up as dropped.
            dropped += Math.max(0, spilledCount);
            spilledCount = 0;
            spilledBytes = 0;
        }
    }

    /** Whether a QoS 0 message waits here (a new one must then queue behind it, not overtake it). */
    boolean holdsQos0() {
        return qos0Entries > 0;
    }

    boolean isEmpty() {
        return deliveries.isEmpty() && spilledCount == 0;
    }

    /** Every queued entry, in memory and only in the source. */
    long size() {
        return deliveries.size() + spilledCount;
    }

    /** Entries held in memory (at most about the window once a source is set). */
    int inMemory() {
        return deliveries.size();
    }

    /** Entries known only by the source. */
    long spilled() {
        return spilledCount;
    }

    long bytes() {
        return bytes + spilledBytes;
    }

    long dropped() {
        return dropped;
    }

    /**
     * Removes and returns the entries picked for shared subscriptions, in queue order. Only those in
     * memory: entries on disk only stay queued here (reading a whole backlog back to find them would
     * defeat keeping it on disk).
     */
    List<Entry> removeShared() {
        List<Entry> shared = new ArrayList<>();
        for (Iterator<Entry> it = deliveries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.delivery().isShared()) {
                shared.add(entry);
                bytes -= entry.delivery().sizeInBytes();
                if (entry.delivery().qos() == QoS.AT_MOST_ONCE) {
                    qos0Entries--;
                }
                it.remove();
            }
        }
        return shared;
    }

    /** The entries in memory, in order (the head of the queue when part of it is on disk only). */
    List<Delivery> snapshot() {
        return deliveries.stream().map(Entry::delivery).toList();
    }
}
