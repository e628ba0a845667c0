package io.culex.bootstrap.tools.bench;

/**
 * Latencies in nanoseconds in log-linear buckets (128 per power of two, so a percentile is at most
 * 1/64 ≈ 1.6 % above the true value), with exact count, minimum and maximum. Fixed size whatever the
 * number of samples, so every scenario can record every message. Used on one thread; {@link #add}
 * merges subscribers' histograms afterwards.
 */
final class LatencyHistogram {

    private static final int SUB_BUCKET_BITS = 7;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;

    private final long[] counts = new long[(64 - SUB_BUCKET_BITS + 1) * SUB_BUCKETS];
    private long count;
    private long min = Long.MAX_VALUE;
    private long max;

    void record(long nanos) {
        long value = Math.max(0, nanos); // clocks are monotonic, but never let a bad sample index out of range
        counts[index(value)]++;
        count++;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    long count() {
        return count;
    }

    long maxNanos() {
        return max;
    }

    long minNanos() {
        return count == 0 ? 0 : min;
    }

    /**
     * The nearest-rank percentile ({@code fraction} in (0, 1]): the smallest recorded value's bucket
     * such that at least that fraction of samples is at or below it, capped at the exact maximum.
     * 0 when nothing was recorded.
     */
    long percentileNanos(double fraction) {
        if (fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be in (0, 1] but was " + fraction);
        }
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * count));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.max(min, Math.min(max, upperBound(i)));
            }
        }
        return max;
    }

    private static int index(long value) {
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(value) - SUB_BUCKET_BITS);
        return shift * SUB_BUCKETS + (int) (value >>> shift);
    }

    /** The largest value that falls into bucket {@code index}. */
    private static long upperBound(int index) {
        int shift = index / SUB_BUCKETS;
        long mantissa = index % SUB_BUCKETS;
        return ((mantissa + 1) << shift) - 1;
    }
}
