package io.culex.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PacketIdAllocatorTest {

    private final PacketIdAllocator allocator = new PacketIdAllocator();

    @Test
    void startsAtOneAndCountsUp() {
        assertEquals(1, allocator.next(id -> false));
        assertEquals(2, allocator.next(id -> false));
    }

    @Test
    void wrapsAfter65535AndNeverHandsOutZero() {
        int id = 0;
        for (int i = 0; i < 65_535; i++) {
            id = allocator.next(x -> false);
        }
        assertEquals(65_535, id);
        assertEquals(1, allocator.next(x -> false));
    }

    @Test
    void skipsIdsStillInUse() {
        Set<Integer> inUse = new HashSet<>(Set.of(1, 2, 4));
        assertEquals(3, allocator.next(inUse::contains));
        assertEquals(5, allocator.next(inUse::contains));
    }

    @Test
    void failsWhenEveryIdIsInUse() {
        assertThrows(IllegalStateException.class, () -> allocator.next(id -> true));
    }
}
