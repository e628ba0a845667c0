package io.culex.bootstrap.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    /** The bucket width bounds the error: at most 1/64 above the exact nearest-rank value. */
    private static void assertNear(long exact, long reported) {
        assertTrue(reported >= exact && reported <= exact + exact / 64, () -> "expected " + exact + " (+1/64) but was "
                + reported);
    }

    @Test
    void percentilesOfOneToOneThousandMicroseconds() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 1000; micros >= 1; micros--) { // order does not matter
            histogram.record(micros * 1000L);
        }
        assertEquals(1000, histogram.count());
        assertNear(500_000, histogram.percentileNanos(0.50));
        assertNear(900_000, histogram.percentileNanos(0.90));
        assertNear(990_000, histogram.percentileNanos(0.99));
        assertEquals(1_000_000, histogram.percentileNanos(1.0));
        assertEquals(1_000_000, histogram.maxNanos());
        assertEquals(1_000, histogram.minNanos());
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long v = 0; v < 100; v++) {
            histogram.record(v);
        }
        assertEquals(49, histogram.percentileNanos(0.50));
        assertEquals(98, histogram.percentileNanos(0.99));
    }

    @Test
    void aFewSlowOutliersShowInP99AndMaxOnly() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 985; i++) {
            histogram.record(100_000);
        }
        for (int i = 0; i < 15; i++) {
            histogram.record(50_000_000);
        }
        assertNear(100_000, histogram.percentileNanos(0.50));
        assertNear(100_000, histogram.percentileNanos(0.98));
        assertNear(50_000_000, histogram.percentileNanos(0.99));
        assertEquals(50_000_000, histogram.maxNanos());
    }

    @Test
    void randomSamplesAgreeWithSorting() {
        Random random = new Random(42);
        long[] values = new long[10_000];
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(random.nextDouble() * 20); // 1 ns .. ~0.5 s, log-uniform
            histogram.record(values[i]);
        }
        java.util.Arrays.sort(values);
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            long exact = values[(int) Math.ceil(q * values.length) - 1];
            assertNear(exact, histogram.percentileNanos(q));
        }
    }

    @Test
    void mergingAddsCountsAndKeepsExtremes() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(10);
        a.record(20);
        b.record(5_000);
        a.add(b);
        assertEquals(3, a.count());
        assertEquals(10, a.minNanos());
        assertEquals(5_000, a.maxNanos());
        assertEquals(20, a.percentileNanos(0.6));
    }

    @Test
    void emptyHistogramReportsZeroAndBadFractionsAreRefused() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertEquals(0, histogram.percentileNanos(0.99));
        assertEquals(0, histogram.minNanos());
        assertThrows(IllegalArgumentException.class, () -> histogram.percentileNanos(0));
        assertThrows(IllegalArgumentException.class, () -> histogram.percentileNanos(1.5));
    }
}
