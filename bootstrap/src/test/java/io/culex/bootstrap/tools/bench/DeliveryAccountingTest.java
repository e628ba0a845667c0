package io.culex.bootstrap.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Loss, duplicate and out-of-order accounting from sequence numbers. */
class DeliveryAccountingTest {

    private static SequenceTracker received(long... sequences) {
        SequenceTracker tracker = new SequenceTracker();
        for (long sequence : sequences) {
            tracker.record(sequence);
        }
        return tracker;
    }

    @Test
    void inOrderAndComplete() {
        DeliveryCounts counts = DeliveryCounts.of(5, received(0, 1, 2, 3, 4));
        assertEquals(new DeliveryCounts(5, 5, 0, 0, 0), counts);
        assertEquals(0, counts.lost());
        assertEquals(5, counts.received());
    }

    @Test
    void gapsAreLost() {
        DeliveryCounts counts = DeliveryCounts.of(6, received(0, 2, 5));
        assertEquals(3, counts.lost());
        assertEquals(0, counts.outOfOrder(), "a gap alone is loss, not reordering");
    }

    @Test
    void aRepeatedSequenceIsADuplicateNotADelivery() {
        DeliveryCounts counts = DeliveryCounts.of(3, received(0, 1, 1, 2, 1));
        assertEquals(3, counts.distinct());
        assertEquals(2, counts.duplicates());
        assertEquals(0, counts.lost());
        assertEquals(5, counts.received());
    }

    @Test
    void duplicatesDoNotHideLoss() {
        DeliveryCounts counts = DeliveryCounts.of(4, received(0, 0, 0, 0));
        assertEquals(3, counts.lost());
        assertEquals(3, counts.duplicates());
    }

    @Test
    void lateArrivalsAreOutOfOrderOncePerMessage() {
        DeliveryCounts counts = DeliveryCounts.of(5, received(0, 3, 1, 2, 4, 2));
        assertEquals(2, counts.outOfOrder(), "1 and 2 arrived after 3");
        assertEquals(1, counts.duplicates(), "the second 2");
        assertEquals(0, counts.lost());
    }

    @Test
    void pairsAddUpAndForeignMessagesAreCountedApart() {
        DeliveryCounts total = DeliveryCounts.NONE
                .plus(DeliveryCounts.of(3, received(0, 1, 2)))
                .plus(DeliveryCounts.of(3, received(0, 2, 2)))
                .withUnexpected(4);
        assertEquals(6, total.expected());
        assertEquals(5, total.distinct());
        assertEquals(1, total.lost());
        assertEquals(1, total.duplicates());
        assertEquals(4, total.unexpected());
        assertEquals(10, total.received());
    }

    @Test
    void moreDistinctThanExpectedIsNeverNegativeLoss() {
        assertEquals(0, DeliveryCounts.of(1, received(0, 1)).lost());
    }

    @Test
    void sequencesOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> received(-1));
        assertThrows(IllegalArgumentException.class, () -> received(1L << 32));
    }

    @Test
    void payloadCarriesPublisherSequenceAndTimeAtAnySize() {
        byte[] payload = SequencedPayload.encode(7, 123_456_789_012L, -42L, 64);
        assertEquals(64, payload.length);
        assertTrue(SequencedPayload.isSequenced(payload));
        assertEquals(7, SequencedPayload.publisher(payload));
        assertEquals(123_456_789_012L, SequencedPayload.sequence(payload));
        assertEquals(-42L, SequencedPayload.sentNanos(payload));
        assertEquals(20, SequencedPayload.encode(0, 0, 0, 20).length);
        assertFalse(SequencedPayload.isSequenced(new byte[19]));
        assertThrows(IllegalArgumentException.class, () -> SequencedPayload.encode(0, 0, 0, 19));
    }
}
