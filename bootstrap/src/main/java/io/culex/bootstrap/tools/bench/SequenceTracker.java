package io.culex.bootstrap.tools.bench;

import java.util.BitSet;

/**
 * What one subscriber received from one publisher, by sequence number: distinct messages, duplicates
 * (a sequence number seen before) and messages out of order (a sequence number lower than one already
 * received, arriving for the first time). Lost = sent - distinct. Used on one thread only.
 */
final class SequenceTracker {

    private final BitSet seen = new BitSet();
    private long distinct;
    private long duplicates;
    private long outOfOrder;
    private long highest = -1;

    void record(long sequence) {
        if (sequence < 0 || sequence > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        int index = (int) sequence;
        if (seen.get(index)) {
            duplicates++;
            return;
        }
        seen.set(index);
        distinct++;
        if (sequence < highest) {
            outOfOrder++;
        } else {
            highest = sequence;
        }
    }

    long distinct() {
        return distinct;
    }

    long duplicates() {
        return duplicates;
    }

    long outOfOrder() {
        return outOfOrder;
    }
}
