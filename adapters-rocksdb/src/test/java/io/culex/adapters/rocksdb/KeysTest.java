package io.culex.adapters.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysTest {

    private static final List<String> IDS = List.of("", "a", "ab", "a\u0000", "b", "ä€😀", "x".repeat(127),
            "x".repeat(128), "x".repeat(20_000));

    private static boolean inRange(byte[] key, byte[] start, byte[] end) {
        return Arrays.compareUnsigned(key, start) >= 0 && Arrays.compareUnsigned(key, end) < 0;
    }

    @Test
    void theClientPrefixIsVersionLengthAndUtf8() {
        assertArrayEquals(new byte[] {1, 0}, Keys.clientPrefix(""));
        assertArrayEquals(new byte[] {1, 1, 'a'}, Keys.clientPrefix("a"));
        assertArrayEquals(new byte[] {1, 2, 'a', 'b'}, Keys.clientPrefix("ab"));
        byte[] long128 = Keys.clientPrefix("x".repeat(128));
        assertEquals(1 + 2 + 128, long128.length);
        assertEquals((byte) 0x80, long128[1], "128 is a two-byte varint");
        assertEquals(1, long128[2]);
    }

    @Test
    void noClientsRangeHoldsAnotherClientsKeys() {
        for (String owner : IDS) {
            byte[] start = Keys.clientPrefix(owner);
            byte[] end = Keys.successor(start);
            for (String other : IDS) {
                List<byte[]> keys = List.of(Keys.session(other), Keys.subscription(other, ""),
                        Keys.subscription(other, "b/#"), Keys.queue(other, Long.MIN_VALUE), Keys.queue(other, 0),
                        Keys.queue(other, Long.MAX_VALUE), Keys.flight(other, 1), Keys.flightReleased(other, 1),
                        Keys.inboundQos2(other, 0), Keys.inboundQos2(other, 65_535));
                for (byte[] key : keys) {
                    assertEquals(owner.equals(other), inRange(key, start, end),
                            "key " + Keys.hex(key) + " of '" + other + "' against the range of '" + owner + "'");
                }
            }
        }
    }

    @Test
    void aKeyGivesBackItsClientIdAndSuffix() {
        for (String id : IDS) {
            byte[] key = Keys.subscription(id, "t/+/ü");
            int prefix = Keys.clientPrefixLength(key);
            assertEquals(Keys.clientPrefix(id).length, prefix);
            assertEquals(id, Keys.clientId(key, prefix));
            assertEquals("t/+/ü", Keys.textAfter(key, prefix));
            byte[] queueKey = Keys.queue(id, 5_000_000_000L);
            assertEquals(5_000_000_000L, Keys.longAt(queueKey, Keys.clientPrefixLength(queueKey)));
            byte[] inbound = Keys.inboundQos2(id, 65_535);
            assertEquals(65_535, Keys.packetIdAt(inbound, Keys.clientPrefixLength(inbound)));
        }
        assertEquals("a/b", Keys.topic(Keys.retained("a/b")));
    }

    @Test
    void sequencesSortNumericallyInBytewiseOrder() {
        long[] sequences = {Long.MIN_VALUE, -5, -1, 0, 1, 255, 256, 65_536, 5_000_000_000L, Long.MAX_VALUE - 1,
                Long.MAX_VALUE};
        List<byte[]> keys = new ArrayList<>();
        for (long sequence : sequences) {
            keys.add(Keys.queue("c", sequence));
        }
        for (int i = 1; i < keys.size(); i++) {
            assertTrue(Arrays.compareUnsigned(keys.get(i - 1), keys.get(i)) < 0, "order at " + sequences[i]);
        }
        assertTrue(Arrays.compareUnsigned(Keys.flight("c", 1), Keys.flightReleased("c", 1)) < 0);
        assertTrue(Arrays.compareUnsigned(Keys.flightReleased("c", 1), Keys.flight("c", 2)) < 0,
                "a released marker sorts between its flight and the next");
    }

    @Test
    void theSuccessorEndsThePrefixRange() {
        assertArrayEquals(new byte[] {1, 2}, Keys.successor(new byte[] {1, 1}));
        assertArrayEquals(new byte[] {1, 3}, Keys.successor(new byte[] {1, 2, (byte) 0xFF, (byte) 0xFF}));
        assertThrows(IllegalArgumentException.class, () -> Keys.successor(new byte[] {(byte) 0xFF}));
    }

    @Test
    void malformedKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Keys.clientPrefixLength(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Keys.clientPrefixLength(new byte[] {2, 0}));
        assertThrows(IllegalArgumentException.class, () -> Keys.clientPrefixLength(new byte[] {1, 5, 'a'}));
        assertThrows(IllegalArgumentException.class, () -> Keys.clientPrefixLength(new byte[] {1, (byte) 0x80}));
        assertThrows(IllegalArgumentException.class, () -> Keys.topic("t".getBytes(StandardCharsets.UTF_8)));
    }
}
