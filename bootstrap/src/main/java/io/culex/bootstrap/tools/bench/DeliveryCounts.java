package io.culex.bootstrap.tools.bench;

/**
 * Delivery accounting summed over every (publisher, subscriber) pair: how many copies the subscribers
 * should have received, how many distinct ones they did, and the duplicates and reorderings among them.
 * {@code unexpected} counts payloads that no bench publisher of this run sent.
 */
record DeliveryCounts(long expected, long distinct, long duplicates, long outOfOrder, long unexpected) {

    static final DeliveryCounts NONE = new DeliveryCounts(0, 0, 0, 0, 0);

    /** Copies that never arrived. */
    long lost() {
        return Math.max(0, expected - distinct);
    }

    /** Every PUBLISH the subscribers received, duplicates included. */
    long received() {
        return distinct + duplicates + unexpected;
    }

    /** One pair's tracker against what its publisher sent. */
    static DeliveryCounts of(long sent, SequenceTracker tracker) {
        return new DeliveryCounts(sent, tracker.distinct(), tracker.duplicates(), tracker.outOfOrder(), 0);
    }

    DeliveryCounts plus(DeliveryCounts other) {
        return new DeliveryCounts(expected + other.expected, distinct + other.distinct, duplicates + other.duplicates,
                outOfOrder + other.outOfOrder, unexpected + other.unexpected);
    }

    DeliveryCounts withUnexpected(long more) {
        return new DeliveryCounts(expected, distinct, duplicates, outOfOrder, unexpected + more);
    }
}
