package io.culex.domain.topic;

import java.util.function.Consumer;

/**
 * One level of the subscription trie. The node's path from the root is a topic filter; the
 * subscribers stored here subscribed with exactly that filter.
 *
 * <p>Readers use the accessors without locking: children and subscribers live in {@link OpenTable}s
 * or volatile fields, so a reader sees either the old or the new child. Mutators are only called by
 * the owning index while it holds its write lock.
 */
final class TopicNode<K, V> implements OpenTable.Hashed {

    private final String level;
    /** {@code level.hashCode()}: a topic level is looked up by the same hash computed over the topic name. */
    private final int levelHash;
    /**
     * The filter this node's path spells, set once it gets subscribers. Not kept on every node:
     * prefixes of a deep filter would cost memory quadratic in its depth.
     */
    private volatile String filter;
    /** Literal children, keyed by their level; null until the first one (leaves have none). */
    private volatile OpenTable literalChildren;
    private volatile TopicNode<K, V> singleLevelChild;
    private volatile TopicNode<K, V> multiLevelChild;
    /** {@link SubscriberEntry}s, keyed by subscriber; null until the first one (inner nodes usually have none). */
    private volatile OpenTable subscribers;

    private TopicNode(String level) {
        this.level = level;
        this.levelHash = level.hashCode();
    }

    static <K, V> TopicNode<K, V> root() {
        return new TopicNode<>("");
    }

    /** The hash {@code String.hashCode} gives the level {@code [start, end)} of {@code s}, computed without a substring. */
    static int levelHash(String s, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + s.charAt(i);
        }
        return hash;
    }

    @Override
    public int tableHash() {
        return levelHash;
    }

    // ---- reads: lock-free, safe against a concurrent writer

    /**
     * The literal child for the level {@code [start, end)} of {@code topic}, or null.
     *
     * @param hash {@link #levelHash} of that level
     */
    @SuppressWarnings("unchecked")
    TopicNode<K, V> literalChild(String topic, int start, int end, int hash) {
        Object[] slots = slotsOf(literalChildren);
        if (slots == null) {
            return null;
        }
        int length = end - start;
        for (int slot = OpenTable.firstSlot(hash, slots); ; slot = OpenTable.nextSlot(slot, slots)) {
            Object entry = OpenTable.slotAt(slots, slot);
            if (entry == null) {
                return null;
            }
            if (entry != OpenTable.REMOVED) {
                TopicNode<K, V> child = (TopicNode<K, V>) entry;
                if (child.levelHash == hash && child.level.length() == length
                        && topic.regionMatches(start, child.level, 0, length)) {
                    return child;
                }
            }
        }
    }

    TopicNode<K, V> singleLevelChild() {
        return singleLevelChild;
    }

    TopicNode<K, V> multiLevelChild() {
        return multiLevelChild;
    }

    /** Calls the sink for each subscriber here; walks the slots, so it allocates nothing. */
    @SuppressWarnings("unchecked")
    void reportSubscribers(MatchSink<K, V> sink) {
        Object[] slots = slotsOf(subscribers);
        if (slots == null) {
            return;
        }
        String spelled = filter;
        for (int slot = 0; slot < slots.length; slot++) {
            Object entry = OpenTable.slotAt(slots, slot);
            if (entry != null && entry != OpenTable.REMOVED) {
                SubscriberEntry<K, V> subscriber = (SubscriberEntry<K, V>) entry;
                sink.accept(subscriber.key, spelled, subscriber.value);
            }
        }
    }

    void forEachChild(Consumer<TopicNode<K, V>> action) {
        forEachEntry(literalChildren, action);
        TopicNode<K, V> plus = singleLevelChild;
        if (plus != null) {
            action.accept(plus);
        }
        TopicNode<K, V> hash = multiLevelChild;
        if (hash != null) {
            action.accept(hash);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> void forEachEntry(OpenTable table, Consumer<E> action) {
        Object[] slots = slotsOf(table);
        if (slots != null) {
            for (int slot = 0; slot < slots.length; slot++) {
                Object entry = OpenTable.slotAt(slots, slot);
                if (entry != null && entry != OpenTable.REMOVED) {
                    action.accept((E) entry);
                }
            }
        }
    }

    private static Object[] slotsOf(OpenTable table) {
        return table == null ? null : table.slots();
    }

    // ---- writes: caller holds the index's write lock

    TopicNode<K, V> child(String level) {
        switch (level) {
            case TopicLevels.SINGLE_LEVEL_WILDCARD_LEVEL:
                return singleLevelChild;
            case TopicLevels.MULTI_LEVEL_WILDCARD_LEVEL:
                return multiLevelChild;
            default:
                return literalChild(level, 0, level.length(), level.hashCode());
        }
    }

    TopicNode<K, V> childOrCreate(String level) {
        TopicNode<K, V> existing = child(level);
        if (existing != null) {
            return existing;
        }
        // Fully built before it is published through a volatile field or the table's release-store.
        // Interned: the same level under many parents ("temp", device numbers) is then stored once.
        TopicNode<K, V> created = new TopicNode<>(level.intern());
        switch (level) {
            case TopicLevels.SINGLE_LEVEL_WILDCARD_LEVEL:
                singleLevelChild = created;
                break;
            case TopicLevels.MULTI_LEVEL_WILDCARD_LEVEL:
                multiLevelChild = created;
                break;
            default:
                if (literalChildren == null) {
                    literalChildren = new OpenTable();
                }
                literalChildren.add(created);
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
                literalChildren.remove(child);
        }
    }

    /**
     * @param filter the filter spelled by this node's path, reported with every match
     * @return the replaced value, or null if the subscriber was new here
     */
    V putSubscriber(String filter, K subscriber, V value) {
        if (this.filter == null) {
            this.filter = filter; // written before the entry, so readers finding the subscriber see it
        }
        SubscriberEntry<K, V> existing = subscriberEntry(subscriber);
        SubscriberEntry<K, V> entry = new SubscriberEntry<>(subscriber, value);
        if (existing == null) {
            if (subscribers == null) {
                subscribers = new OpenTable();
            }
            subscribers.add(entry);
            return null;
        }
        subscribers.replace(existing, entry);
        return existing.value;
    }

    boolean removeSubscriber(K subscriber) {
        SubscriberEntry<K, V> existing = subscriberEntry(subscriber);
        if (existing == null) {
            return false;
        }
        subscribers.remove(existing);
        return true;
    }

    @SuppressWarnings("unchecked")
    private SubscriberEntry<K, V> subscriberEntry(K subscriber) {
        Object[] slots = slotsOf(subscribers);
        if (slots == null) {
            return null;
        }
        int hash = subscriber.hashCode();
        for (int slot = OpenTable.firstSlot(hash, slots); ; slot = OpenTable.nextSlot(slot, slots)) {
            Object entry = slots[slot];
            if (entry == null) {
                return null;
            }
            if (entry != OpenTable.REMOVED) {
                SubscriberEntry<K, V> candidate = (SubscriberEntry<K, V>) entry;
                if (candidate.hash == hash && candidate.key.equals(subscriber)) {
                    return candidate;
                }
            }
        }
    }

    /** Neither subscribers nor children: the node can be pruned. */
    boolean isUnused() {
        return slotsOf(subscribers) == null && slotsOf(literalChildren) == null
                && singleLevelChild == null && multiLevelChild == null;
    }

    /** One subscriber and its value, replaced whole when the value changes so readers see a consistent pair. */
    private static final class SubscriberEntry<K, V> implements OpenTable.Hashed {
        final K key;
        final V value;
        final int hash;

        SubscriberEntry(K key, V value) {
            this.key = key;
            this.value = value;
            this.hash = key.hashCode();
        }

        @Override
        public int tableHash() {
            return hash;
        }
    }
}
