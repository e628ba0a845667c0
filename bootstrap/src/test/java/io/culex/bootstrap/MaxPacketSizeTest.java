package io.culex.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** max_packet_size counts the fixed header, whose length field grows with the packet. */
class MaxPacketSizeTest {

    @Test
    void theRemainingLengthLeavesRoomForTheFixedHeader() {
        assertEquals(127, CulexBroker.largestRemainingLength(129), "1 type byte + 1 length byte + 127");
        assertEquals(127, CulexBroker.largestRemainingLength(130), "128 would need a 2-byte length: 131 bytes");
        assertEquals(128, CulexBroker.largestRemainingLength(131));
        assertEquals(197, CulexBroker.largestRemainingLength(200));
        assertEquals(16_383, CulexBroker.largestRemainingLength(16_386));
        assertEquals(16_383, CulexBroker.largestRemainingLength(16_387), "16384 needs 3 length bytes");
        assertEquals(268_435_455, CulexBroker.largestRemainingLength(268_435_460));
    }
}
