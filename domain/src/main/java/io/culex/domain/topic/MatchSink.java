package io.culex.domain.topic;

/**
 * Receives the subscriptions matching a topic name, one call per matching
 * (subscriber, filter), so that matching allocates no result collection.
 */
@FunctionalInterface
public interface MatchSink<K, V> {

    void accept(K subscriber, String filter, V value);
}
