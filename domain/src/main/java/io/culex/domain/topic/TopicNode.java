package io.culex.domain.topic;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One level of the subscription trie. The node's path from the root is a topic filter; the
 * subscribers stored here subscribed with exactly that filter.
 *
 * <p>Readers use the accessors without locking: children live in a {@link ConcurrentHashMap} or
 * volatile fields, so a reader sees either the old or the new child. Mutators are only called by
 * the owning index while it holds its write lock.
 */
final class TopicNode<K, V> {

    private final String level;
    /**
     * The filter this node's path spells, set once it gets subscribers. Not kept on every node:
     * prefixes of a deep filter would cost memory quadratic in its depth.
     */
    private volatile String filter;
    private final ConcurrentHashMap<String, TopicNode<K, V>> literalChildren = new ConcurrentHashMap<>();
    private volatile TopicNode<K, V> singleLevelChild;
    private volatile TopicNode<K, V> multiLevelChild;
    private final ConcurrentHashMap<K, V> subscribers = new ConcurrentHashMap<>();

    private TopicNode(String level) {
        this.level = level;
    }

    static <K, V> TopicNode<K, V> root() {
        return new TopicNode<>("");
    }

    // ---- reads: lock-free, safe against a concurrent writer

    TopicNode<K, V> literalChild(String level) {
        return literalChildren.get(level);
    }

    boolean hasLiteralChildren() {
        return !literalChildren.isEmpty();
    }

    TopicNode<K, V> singleLevelChild() {
        return singleLevelChild;
    }

    TopicNode<K, V> multiLevelChild() {
        return multiLevelChild;
    }

    void reportSubscribers(MatchSink<K, V> sink) {
        if (subscribers.isEmpty()) {
            return; // inner nodes usually have none: skip the callback allocation
        }
        subscribers.forEach((subscriber, value) -> sink.accept(subscriber, filter, value));
    }

    void forEachChild(Consumer<TopicNode<K, V>> action) {
        literalChildren.values().forEach(action);
        TopicNode<K, V> plus = singleLevelChild;
        if (plus != null) {
            action.accept(plus);
        }
        TopicNode<K, V> hash = multiLevelChild;
        if (hash != null) {
            action.accept(hash);
        }
    }

    // ---- writes: caller holds the index's write lock

    TopicNode<K, V> child(String level) {
        switch (level) {
            case TopicLevels.SINGLE_LEVEL_WILDCARD_LEVEL:
                return singleLevelChild;
            case TopicLevels.MULTI_LEVEL_WILDCARD_LEVEL:
                return multiLevelChild;
            default:
                return literalChildren.get(level);
        }
    }

    TopicNode<K, V> childOrCreate(String level) {
        TopicNode<K, V> existing = child(level);
        if (existing != null) {
            return existing;
        }
        // Fully built before it is published through a volatile field or the concurrent map.
        TopicNode<K, V> created = new TopicNode<>(level);
        switch (level) {
            case TopicLevels.SINGLE_LEVEL_WILDCARD_LEVEL:
                singleLevelChild = created;
                break;
            case TopicLevels.MULTI_LEVEL_WILDCARD_LEVEL:
                multiLevelChild = created;
                break;
            default:
                literalChildren.put(level, created);
        }
        return created;
    }

    void removeChild(TopicNode<K, V> child) {
        switch (child.level) {
            case TopicLevels.SINGLE_LEVEL_WILDCARD_LEVEL:
                singleLevelChild = null;
                break;
            case TopicLevels.MULTI_LEVEL_WILDCARD_LEVEL:
                multiLevelChild = null;
                break;
            default:
                literalChildren.remove(child.level, child);
        }
    }

    /**
     * @param filter the filter spelled by this node's path, reported with every match
     * @return the replaced value, or null if the subscriber was new here
     */
    V putSubscriber(String filter, K subscriber, V value) {
        if (this.filter == null) {
            this.filter = filter; // written before the put, so readers finding the subscriber see it
        }
        return subscribers.put(subscriber, value);
    }

    boolean removeSubscriber(K subscriber) {
        return subscribers.remove(subscriber) != null;
    }

    /** Neither subscribers nor children: the node can be pruned. */
    boolean isUnused() {
        return subscribers.isEmpty() && literalChildren.isEmpty()
                && singleLevelChild == null && multiLevelChild == null;
    }
}
