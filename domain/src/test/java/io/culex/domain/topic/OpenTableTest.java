package io.culex.domain.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenTableTest {

    /** An entry whose hash the test chooses, so collisions are certain. */
    private record Entry(String name, int tableHash) implements OpenTable.Hashed {
    }

    private final OpenTable table = new OpenTable();

    @Test
    void anEmptyTableHasNoSlots() {
        assertNull(table.slots());
        assertNull(find(new Entry("a", 1)));
    }

    @Test
    void findsEveryEntryAfterGrowingThroughManyRebuilds() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Entry entry = new Entry("e" + i, ("e" + i).hashCode());
            entries.add(entry);
            table.add(entry);
        }
        assertEquals(10_000, table.size());
        for (Entry entry : entries) {
            assertSame(entry, find(entry));
        }
        assertTrue(table.slots().length >= 20_000, "at most half the slots are used: a probe always ends");
    }

    @Test
    void collidingEntriesStayReachablePastARemovedOne() {
        Entry first = new Entry("first", 7);
        Entry second = new Entry("second", 7);
        Entry third = new Entry("third", 7);
        table.add(first);
        table.add(second);
        table.add(third);

        table.remove(second);

        assertSame(first, find(first));
        assertNull(find(second));
        assertSame(third, find(third), "the probe continues past the removed slot");
    }

    @Test
    void replaceKeepsTheSlotAndSwapsTheEntry() {
        Entry old = new Entry("key", 3);
        Entry replacement = new Entry("key", 3);
        table.add(old);
        table.add(new Entry("other", 3));

        table.replace(old, replacement);

        assertSame(replacement, find(old), "the equal key now finds the replacement");
        assertEquals(2, table.size());
    }

    @Test
    void churnDoesNotGrowTheTableWithRemovedSlots() {
        Entry stable = new Entry("stable", 1);
        table.add(stable);
        for (int i = 0; i < 100_000; i++) {
            Entry churned = new Entry("churn", i);
            table.add(churned);
            table.remove(churned);
        }
        assertEquals(1, table.size());
        assertTrue(table.slots().length <= 8, () -> "rebuilt without tombstones, now " + table.slots().length);
        assertSame(stable, find(stable));
    }

    @Test
    void shrinksWhenMostlyEmptyAndDropsTheArrayWhenEmpty() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Entry entry = new Entry("e" + i, i);
            entries.add(entry);
            table.add(entry);
        }
        int grown = table.slots().length;
        for (Entry entry : entries.subList(1, 1_000)) {
            table.remove(entry);
        }
        assertTrue(table.slots().length < grown / 100, () -> "shrunk to " + table.slots().length);
        assertSame(entries.get(0), find(entries.get(0)));

        table.remove(entries.get(0));
        assertEquals(0, table.size());
        assertNull(table.slots());
    }

    /** The probe loop readers use, comparing by name and hash as {@code TopicNode} compares levels. */
    private Entry find(Entry wanted) {
        Object[] slots = table.slots();
        if (slots == null) {
            return null;
        }
        for (int slot = OpenTable.firstSlot(wanted.tableHash(), slots); ; slot = OpenTable.nextSlot(slot, slots)) {
            Object entry = OpenTable.slotAt(slots, slot);
            if (entry == null) {
                return null;
            }
            if (entry != OpenTable.REMOVED && entry.equals(wanted)) {
                return (Entry) entry;
            }
        }
    }
}
