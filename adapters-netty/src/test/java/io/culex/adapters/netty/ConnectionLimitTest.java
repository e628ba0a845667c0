package io.culex.adapters.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class ConnectionLimitTest {

    @Test
    void beyondTheLimitAChannelIsClosedAndAClosedOneFreesItsSlot() {
        ConnectionLimit limit = new ConnectionLimit(2);
        EmbeddedChannel first = new EmbeddedChannel();
        EmbeddedChannel second = new EmbeddedChannel();
        EmbeddedChannel third = new EmbeddedChannel();

        assertTrue(limit.admit(first));
        assertTrue(limit.admit(second));
        assertFalse(limit.admit(third));
        assertFalse(third.isOpen());
        assertTrue(second.isOpen());
        assertEquals(2, limit.open());

        first.close();
        assertEquals(1, limit.open());
        EmbeddedChannel fourth = new EmbeddedChannel();
        assertTrue(limit.admit(fourth));
        assertTrue(fourth.isOpen());
    }

    @Test
    void negativeMeansUnlimited() {
        ConnectionLimit limit = new ConnectionLimit(-1);
        for (int i = 0; i < 100; i++) {
            assertTrue(limit.admit(new EmbeddedChannel()));
        }
    }
}
