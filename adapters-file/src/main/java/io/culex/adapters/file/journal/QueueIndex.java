package io.culex.adapters.file.journal;

import java.util.Arrays;

/**
 * One session's queue as a sorted map from sequence to {@link Locations location}, in two parallel
 * {@code long} arrays: 16 bytes an entry, plus up to half again while the arrays grow. The live range is
 * {@code [head, tail)}; entries removed from the middle stay as tombstones ({@link #REMOVED}) until they
 * outnumber the live ones. Sequences normally arrive in increasing order and leave from the front, both in
 * O(1); anything else costs a binary search and, for an insert in the middle, a shift.
 * Not thread-safe: the store guards it.
 */
final class QueueIndex {

    static final long REMOVED = -1;
    private static final long[] NONE = new long[0];
    private static final int MIN_CAPACITY = 4;

    private long[] keys = NONE;
    private long[] values = NONE;
    private int head;
    private int tail;
    private int size;
    private int tombstones;
    /** Sum of the entries' encoded lengths, for the compaction trigger. */
    private long bytes;

    int size() {
        return size;
    }

    long bytes() {
        return bytes;
    }

    /** Heap held by the arrays (what the index costs beyond a small fixed object). */
    long arrayBytes() {
        return 16L * keys.length;
    }

    /** Adds or replaces; returns the previous location or {@link #REMOVED}. */
    long put(long key, long value) {
        if (tail == head || key > keys[tail - 1]) {
            if (tail == keys.length) {
                makeRoom();
            }
            keys[tail] = key;
            values[tail] = value;
            tail++;
            size++;
            bytes += Locations.length(value);
            return REMOVED;
        }
        int at = Arrays.binarySearch(keys, head, tail, key);
        if (at >= 0) {
            long previous = values[at];
            values[at] = value;
            if (previous == REMOVED) {
                tombstones--;
                size++;
            } else {
                bytes -= Locations.length(previous);
            }
            bytes += Locations.length(value);
            return previous;
        }
        int insertAt = -at - 1;
        if (tail == keys.length) {
            int offset = insertAt - head;
            makeRoom();
            insertAt = head + offset;
        }
        System.arraycopy(keys, insertAt, keys, insertAt + 1, tail - insertAt);
        System.arraycopy(values, insertAt, values, insertAt + 1, tail - insertAt);
        keys[insertAt] = key;
        values[insertAt] = value;
        tail++;
        size++;
        bytes += Locations.length(value);
        return REMOVED;
    }

    /** Removes; returns the location it had or {@link #REMOVED}. */
    long remove(long key) {
        if (size == 0) {
            return REMOVED;
        }
        int at = key == keys[head] ? head : Arrays.binarySearch(keys, head, tail, key);
        if (at < 0 || values[at] == REMOVED) {
            return REMOVED;
        }
        long previous = values[at];
        values[at] = REMOVED;
        size--;
        tombstones++;
        bytes -= Locations.length(previous);
        while (head < tail && values[head] == REMOVED) {
            head++;
            tombstones--;
        }
        while (tail > head && values[tail - 1] == REMOVED) {
            tail--;
            tombstones--;
        }
        if (size == 0) {
            head = 0;
            tail = 0;
            if (keys.length > 64) {
                keys = NONE;
                values = NONE;
            }
        } else if (keys.length > 64 && size < keys.length / 4) {
            resize(Math.max(MIN_CAPACITY, size * 2));
        } else if (tombstones > 32 && tombstones > size) {
            resize(keys.length);
        }
        return previous;
    }

    long get(long key) {
        if (size == 0) {
            return REMOVED;
        }
        int at = Arrays.binarySearch(keys, head, tail, key);
        return at < 0 ? REMOVED : values[at];
    }

    /**
     * For each {@code keys[i]} (ascending) whose value is still {@code expected[i]}, sets {@code values[i]}: a
     * compaction moving entries to the snapshot, in one merge walk.
     */
    void replaceAll(long[] keys, long[] expected, long[] replacements) {
        int at = head;
        for (int i = 0; i < keys.length && at < tail; i++) {
            long key = keys[i];
            while (at < tail && this.keys[at] < key) {
                at++;
            }
            if (at < tail && this.keys[at] == key && values[at] == expected[i]) {
                values[at] = replacements[i];
            }
        }
    }

    /** Replaces the value of {@code key} only if it is still {@code expected} (compaction moving an entry). */
    boolean replace(long key, long expected, long value) {
        if (size == 0) {
            return false;
        }
        int at = Arrays.binarySearch(keys, head, tail, key);
        if (at < 0 || values[at] != expected) {
            return false;
        }
        values[at] = value;
        return true;
    }

    /**
     * Copies up to {@code limit} entries with a key above {@code after}, in order, into {@code outKeys} and
     * {@code outValues} (arrays at least {@code limit} long); returns how many.
     */
    int page(long after, int limit, long[] outKeys, long[] outValues) {
        if (size == 0 || limit <= 0) {
            return 0;
        }
        int at;
        if (after < keys[head]) {
            at = head;
        } else {
            at = Arrays.binarySearch(keys, head, tail, after);
            at = at >= 0 ? at + 1 : -at - 1;
        }
        int count = 0;
        for (; at < tail && count < limit; at++) {
            if (values[at] != REMOVED) {
                outKeys[count] = keys[at];
                outValues[count] = values[at];
                count++;
            }
        }
        return count;
    }

    /** The live entries in order, keys into {@code outKeys} and values into {@code outValues} (each of {@link #size()}). */
    void copyTo(long[] outKeys, long[] outValues) {
        int count = 0;
        for (int at = head; at < tail; at++) {
            if (values[at] != REMOVED) {
                outKeys[count] = keys[at];
                outValues[count] = values[at];
                count++;
            }
        }
    }

    private void makeRoom() {
        int capacity = keys.length;
        if (size + 1 <= capacity * 3 / 4 && capacity >= MIN_CAPACITY) {
            resize(capacity);
        } else {
            resize((int) Math.min(Integer.MAX_VALUE - 8, Math.max(MIN_CAPACITY, capacity + (capacity >> 1))));
        }
    }

    /** Moves the live entries to the front of arrays of {@code capacity}, dropping tombstones. */
    private void resize(int capacity) {
        long[] newKeys = capacity == keys.length ? keys : new long[capacity];
        long[] newValues = capacity == values.length ? values : new long[capacity];
        int count = 0;
        for (int at = head; at < tail; at++) {
            if (values[at] != REMOVED) {
                newKeys[count] = keys[at];
                newValues[count] = values[at];
                count++;
            }
        }
        keys = newKeys;
        values = newValues;
        head = 0;
        tail = count;
        tombstones = 0;
    }
}
