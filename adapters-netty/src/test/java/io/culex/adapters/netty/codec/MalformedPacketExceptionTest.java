package io.culex.adapters.netty.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MalformedPacketExceptionTest {

    @Test
    void reasonCodeDefaultsToMalformedPacket() {
        assertEquals(0x81, new MalformedPacketException("bad").reasonCode());
    }

    @Test
    void reasonCodeIsKept() {
        MalformedPacketException e = new MalformedPacketException(0x82, "twice");

        assertEquals(0x82, e.reasonCode());
        assertEquals("twice", e.getMessage());
    }

    @Test
    void onlyFailureCodesAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new MalformedPacketException(0x00, "success?"));
        assertThrows(IllegalArgumentException.class, () -> new MalformedPacketException(0x7F, "below failures"));
        assertThrows(IllegalArgumentException.class, () -> new MalformedPacketException(0x100, "not a byte"));
    }
}
