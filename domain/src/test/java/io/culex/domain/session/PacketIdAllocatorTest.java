package io.culex.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class PacketIdAllocatorTest {

    private final PacketIdAllocator allocator = new PacketIdAllocator();

    @Test
    void startsAtOneAndCountsUp() {
        assertEquals(1, allocator.next());
        assertEquals(2, allocator.next());
        assertEquals(2, allocator.inUseCount());
    }

    @Test
    void keepsCountingRoundRobinRatherThanReusingAFreedId() {
        int first = allocator.next();
        allocator.release(first);
        assertEquals(2, allocator.next(), "a just-freed id is not handed out again at once");
    }

    @Test
    void wrapsAfter65535AndNeverHandsOutZero() {
        int id = 0;
        for (int i = 0; i < 65_535; i++) {
            id = allocator.next();
            allocator.release(id);
        }
        assertEquals(65_535, id);
        assertEquals(1, allocator.next());
    }

    @Test
    void wrapAroundSkipsIdsStillInUseAtTheStart() {
        allocator.next(); // 1, never acknowledged
        allocator.next(); // 2, never acknowledged
        for (int i = 3; i <= 65_535; i++) {
            allocator.release(allocator.next());
        }
        assertEquals(3, allocator.next(), "wrapped past 65535, then skipped 1 and 2");
    }

    @Test
    void skipsIdsStillInUseAcrossWordsAndPages() {
        for (int id = 1; id <= 2_100; id++) {
            allocator.claim(id); // more than two pages of 1,024 ids, and many 64-id words
        }
        allocator.release(700);
        assertEquals(700, allocator.next(), "the first free id: claiming does not move the round robin");
        assertEquals(2_101, allocator.next());
        for (int i = 2_102; i <= 65_535; i++) {
            allocator.release(allocator.next());
        }
        allocator.release(1_500);
        assertEquals(1_500, allocator.next(), "after wrapping, the one free id among the claimed ones");
    }

    @Test
    void failsWhenEveryIdIsInUseAndRecoversWhenOneIsReleased() {
        for (int i = 0; i < 65_535; i++) {
            allocator.next();
        }
        assertEquals(65_535, allocator.inUseCount());
        IllegalStateException full = assertThrows(IllegalStateException.class, allocator::next);
        assertEquals("all 65535 packet identifiers are in use", full.getMessage());

        allocator.release(40_000);
        assertEquals(40_000, allocator.next());
    }

    @Test
    void restoredIdsAreNotHandedOut() {
        allocator.claim(1);
        allocator.claim(3);
        assertEquals(2, allocator.next());
        assertEquals(4, allocator.next());
        assertTrue(allocator.isInUse(3));
    }

    @Test
    void releasingAnIdNotInUseChangesNothing() {
        allocator.release(5);
        allocator.next();
        allocator.release(1);
        allocator.release(1);
        assertEquals(0, allocator.inUseCount());
        assertFalse(allocator.isInUse(1));
    }

    @Test
    void refusesIdsOutsideTheProtocolRange() {
        assertThrows(IllegalArgumentException.class, () -> allocator.claim(0));
        assertThrows(IllegalArgumentException.class, () -> allocator.release(65_536));
    }

    @Test
    void aSlidingWindowOfFlightsCyclesThroughEveryIdInOrder() {
        Deque<Integer> window = new ArrayDeque<>();
        for (int sent = 0; sent < 200_000; sent++) {
            if (window.size() == 100) {
                allocator.release(window.poll()); // acknowledged in order, as QoS 1 usually is
            }
            int id = allocator.next();
            assertEquals(sent % 65_535 + 1, id);
            window.add(id);
        }
        assertEquals(100, allocator.inUseCount());
    }
}
