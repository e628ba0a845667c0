package io.culex.domain.topic;

import static io.culex.domain.topic.TopicLevels.levelEnd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Subscription index: which subscribers' filters match a topic name. K identifies a subscriber
 * (e.g. a session), V is what the subscription carries (e.g. granted QoS, later MQTT 5 options).
 * K must have stable {@code equals}/{@code hashCode}; neither K nor V may be null.
 *
 * <p>A trie by topic level with literal, '+' and '#' children. {@link #match} is lock-free and may
 * run on many threads at once; its cost depends on the topic's depth and the matching branches,
 * never on the number of non-matching subscriptions. {@link #subscribe} and {@link #unsubscribe}
 * are serialised and prune nodes that become unused. A match racing a write sees each
 * subscription either before or after that write.
 */
public final class SubscriptionIndex<K, V> {

    private final TopicNode<K, V> root = TopicNode.root();
    private final Object writeLock = new Object();
    /** Written under {@link #writeLock} only; volatile so size() needs no lock. */
    private volatile int size;

    /**
     * Adds the subscription, or replaces the value of the same (filter, subscriber).
     *
     * @throws InvalidTopicException if {@code filter} is not a valid topic filter
     */
    public void subscribe(String filter, K subscriber, V value) {
        Topics.validateTopicFilter(filter);
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(value, "value");
        synchronized (writeLock) {
            TopicNode<K, V> node = root;
            for (int start = 0; start <= filter.length(); ) {
                int end = levelEnd(filter, start);
                node = node.childOrCreate(filter.substring(start, end));
                start = end + 1;
            }
            if (node.putSubscriber(filter, subscriber, value) == null) {
                size++;
            }
        }
    }

    /**
     * Removes the subscription and prunes nodes left unused.
     *
     * @return true if it existed; false also for filters that could never have been subscribed
     */
    public boolean unsubscribe(String filter, K subscriber) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(subscriber, "subscriber");
        synchronized (writeLock) {
            List<TopicNode<K, V>> path = new ArrayList<>();
            TopicNode<K, V> node = root;
            for (int start = 0; start <= filter.length(); ) {
                int end = levelEnd(filter, start);
                node = node.child(filter.substring(start, end));
                if (node == null) {
                    return false;
                }
                path.add(node);
                start = end + 1;
            }
            if (!node.removeSubscriber(subscriber)) {
                return false;
            }
            size--;
            prune(path);
            return true;
        }
    }

    /** Detaches unused nodes from the leaf upwards; stops at the first node still in use. */
    private void prune(List<TopicNode<K, V>> path) {
        for (int i = path.size() - 1; i >= 0 && path.get(i).isUnused(); i--) {
            TopicNode<K, V> parent = i == 0 ? root : path.get(i - 1);
            parent.removeChild(path.get(i));
        }
    }

    /**
     * Calls {@code sink} once per (subscriber, filter) whose filter matches {@code topicName}.
     * The topic name is expected to be valid ({@link Topics#validateTopicName}); it is not
     * re-validated on this hot path.
     *
     * <p>Walks the trie breadth-first, one topic level at a time, keeping only the nodes whose
     * filter prefix matches so far; iterative so that deep topics cannot overflow the stack. Each
     * level's hash is computed once, over the topic name itself, and looked up without a substring;
     * the nodes of the walk go into arrays reused by the thread, so a match allocates nothing.
     */
    public void match(String topicName, MatchSink<K, V> sink) {
        Objects.requireNonNull(topicName, "topicName");
        Objects.requireNonNull(sink, "sink");
        Frontier frontier = Frontier.take();
        try {
            walk(topicName, sink, frontier);
        } finally {
            frontier.release();
        }
    }

    @SuppressWarnings("unchecked")
    private void walk(String topicName, MatchSink<K, V> sink, Frontier frontier) {
        Object[] current = frontier.current;
        Object[] next = frontier.next;
        current[0] = root;
        int currentCount = 1;
        // $-rule: at the root level, '+' and '#' do not match a level beginning with '$'.
        boolean wildcardsMatch = !TopicLevels.isDollarTopic(topicName);
        int length = topicName.length();
        int start = 0;
        while (currentCount > 0) {
            if (start > length) {
                // Every level consumed: the filters ending here match, and so does their "/#".
                for (int i = 0; i < currentCount; i++) {
                    TopicNode<K, V> node = (TopicNode<K, V>) current[i];
                    current[i] = null;
                    node.reportSubscribers(sink);
                    reportMultiLevelChild(node, sink);
                }
                return;
            }
            int end = start;
            int hash = 0;
            char c;
            while (end < length && (c = topicName.charAt(end)) != TopicLevels.SEPARATOR) {
                hash = 31 * hash + c; // String.hashCode of the level, as its trie node stores it
                end++;
            }
            int nextCount = 0;
            for (int i = 0; i < currentCount; i++) {
                TopicNode<K, V> node = (TopicNode<K, V>) current[i];
                current[i] = null; // the thread's arrays must not keep pruned nodes alive
                if (next.length < nextCount + 2) {
                    next = frontier.growNext(nextCount);
                }
                if (wildcardsMatch) {
                    reportMultiLevelChild(node, sink);
                    TopicNode<K, V> plus = node.singleLevelChild();
                    if (plus != null) {
                        next[nextCount++] = plus;
                    }
                }
                TopicNode<K, V> literal = node.literalChild(topicName, start, end, hash);
                if (literal != null) {
                    next[nextCount++] = literal;
                }
            }
            frontier.swap();
            current = frontier.current;
            next = frontier.next;
            currentCount = nextCount;
            start = end + 1;
            wildcardsMatch = true;
        }
    }

    private static <K, V> void reportMultiLevelChild(TopicNode<K, V> node, MatchSink<K, V> sink) {
        TopicNode<K, V> hash = node.multiLevelChild();
        if (hash != null) {
            hash.reportSubscribers(sink);
        }
    }

    /** Number of (filter, subscriber) subscriptions. */
    public int size() {
        return size;
    }

    /**
     * The nodes of one walk, this level's and the next, in arrays each thread reuses. A sink that
     * matches again from inside a match gets fresh arrays: the thread's are still in use.
     */
    private static final class Frontier {
        private static final ThreadLocal<Frontier> OF_THREAD = ThreadLocal.withInitial(Frontier::new);

        Object[] current = new Object[8];
        Object[] next = new Object[8];
        private boolean inUse;

        static Frontier take() {
            Frontier frontier = OF_THREAD.get();
            if (frontier.inUse) {
                frontier = new Frontier();
            }
            frontier.inUse = true;
            return frontier;
        }

        void release() {
            inUse = false;
        }

        /** Room for at least two more nodes after {@code count} in {@code next}. */
        Object[] growNext(int count) {
            next = Arrays.copyOf(next, Math.max(next.length * 2, count + 2));
            return next;
        }

        void swap() {
            Object[] consumed = current;
            current = next;
            next = consumed;
        }
    }

    /** Trie nodes below the root, so that tests can observe pruning. Iterative: tries can be deep. */
    int nodeCount() {
        int count = 0;
        Deque<TopicNode<K, V>> pending = new ArrayDeque<>();
        root.forEachChild(pending::push);
        while (!pending.isEmpty()) {
            count++;
            pending.pop().forEachChild(pending::push);
        }
        return count;
    }
}
