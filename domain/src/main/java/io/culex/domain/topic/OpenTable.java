package io.culex.domain.topic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A hash table of entries for the subscription trie: open addressing with linear probing, read without
 * locks, written by one thread at a time (the index's write lock).
 *
 * <p>Why not a {@code ConcurrentHashMap}: a reader here looks an entry up by what the caller compares
 * (a topic level as a range of the topic name, with its hash computed once), so matching allocates no
 * substring and no key; iterating the slots allocates no iterator; and a small table costs far less
 * memory per subscription than a map with its nodes.
 *
 * <p>Safe reads: an entry is fully built before a release-store puts it in a slot. A slot goes from
 * empty to an entry, from an entry to {@link #REMOVED} or to its replacement, and from {@link #REMOVED}
 * to an entry, never back to empty, so a probe chain a reader walks is never cut. Growing, shrinking and
 * dropping tombstones build a new array and publish it whole through the volatile field; a reader still
 * on the old array sees the table as it was. At most half the slots are used, so a probe always ends at
 * an empty slot.
 */
final class OpenTable {

    /** A removed entry's slot: probing continues past it. */
    static final Object REMOVED = new Object();

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final int GOLDEN_RATIO = 0x9E37_79B9;

    /** Null while empty, so that the many nodes without children or subscribers carry no array. */
    private volatile Object[] slots;
    /** Entries, and slots that are not empty (entries + tombstones); written under the index's lock. */
    private int size;
    private int used;

    // ---- reads: any thread

    /** The current slots, or null when empty; walk them with {@link #firstSlot}, {@link #nextSlot}, {@link #slotAt}. */
    Object[] slots() {
        return slots;
    }

    static int firstSlot(int hash, Object[] slots) {
        int mixed = hash * GOLDEN_RATIO;
        return (mixed ^ (mixed >>> 16)) & (slots.length - 1);
    }

    static int nextSlot(int slot, Object[] slots) {
        return (slot + 1) & (slots.length - 1);
    }

    /** The slot's content: null (empty, the probe ends), {@link #REMOVED}, or an entry. */
    static Object slotAt(Object[] slots, int slot) {
        return SLOT.getAcquire(slots, slot);
    }

    // ---- writes: the index's write lock held

    int size() {
        return size;
    }

    /** Adds an entry the table does not hold. */
    void add(Hashed entry) {
        int hash = entry.tableHash();
        Object[] current = slots;
        if (current == null || (used + 1) * 2 > current.length) {
            current = rebuilt(size + 1);
        }
        int slot = firstSlot(hash, current);
        Object occupant;
        while ((occupant = current[slot]) != null && occupant != REMOVED) {
            slot = nextSlot(slot, current);
        }
        if (occupant == null) {
            used++;
        }
        size++;
        SLOT.setRelease(current, slot, entry);
        slots = current; // publishes a rebuilt array (a no-op store otherwise)
    }

    /** Puts {@code replacement} in the slot of {@code entry} (same hash), which the table holds. */
    void replace(Hashed entry, Hashed replacement) {
        Object[] current = slots;
        SLOT.setRelease(current, slotOf(entry, current), replacement);
    }

    /** Removes an entry the table holds (compared by identity); shrinks the table when mostly empty. */
    void remove(Hashed entry) {
        Object[] current = slots;
        SLOT.setRelease(current, slotOf(entry, current), REMOVED);
        size--;
        if (size == 0) {
            slots = null;
            used = 0;
        } else if (size * 8 < current.length) {
            slots = rebuilt(size);
        }
    }

    private static int slotOf(Hashed entry, Object[] current) {
        int slot = firstSlot(entry.tableHash(), current);
        while (current[slot] != entry) {
            slot = nextSlot(slot, current);
        }
        return slot;
    }

    /** A new array holding the live entries, at most a third full once it holds {@code entries}; not yet published. */
    private Object[] rebuilt(int entries) {
        int capacity = 2;
        while (capacity < entries * 3) {
            capacity <<= 1;
        }
        Object[] fresh = new Object[capacity];
        Object[] current = slots;
        if (current != null) {
            for (Object entry : current) {
                if (entry != null && entry != REMOVED) {
                    int slot = firstSlot(((Hashed) entry).tableHash(), fresh);
                    while (fresh[slot] != null) {
                        slot = nextSlot(slot, fresh);
                    }
                    fresh[slot] = entry;
                }
            }
        }
        used = size;
        return fresh;
    }

    /** What the table stores: an entry that knows the hash it was added with. */
    interface Hashed {
        int tableHash();
    }
}
