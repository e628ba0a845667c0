package io.culex.domain.topic;

import java.util.ArrayList;
import java.util.List;

/** One MatchSink call, recorded so tests can compare what an index reported. */
record Match<K, V>(K subscriber, String filter, V value) {

    /** Every sink call in order, duplicates kept, so "once per (subscriber, filter)" is checkable. */
    static <K, V> List<Match<K, V>> collect(SubscriptionIndex<K, V> index, String topicName) {
        List<Match<K, V>> matches = new ArrayList<>();
        index.match(topicName, (subscriber, filter, value) -> matches.add(new Match<>(subscriber, filter, value)));
        return matches;
    }
}
