package io.culex.domain.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The trie must report exactly what brute force over all subscriptions with Topics.matches
 * reports, after random subscribes, replacements and unsubscribes (which exercise pruning).
 */
class SubscriptionIndexConsistencyTest {

    private static final long SEED = 0x5EEDL;
    private static final int SUBSCRIPTIONS = 4_000;
    private static final int TOPICS = 2_000;
    // A small alphabet so that filters and topics collide often; "" gives empty levels.
    private static final String[] LEVELS = {"a", "b", "c", "", "$SYS", "sport"};

    private record Key(String filter, Integer subscriber) {
    }

    private final Random random = new Random(SEED);

    @Test
    void indexAgreesWithBruteForceMatching() {
        SubscriptionIndex<Integer, Integer> index = new SubscriptionIndex<>();
        Map<Key, Integer> expected = new HashMap<>();
        List<Key> subscribed = new ArrayList<>();

        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            Key key = new Key(randomFilter(), random.nextInt(40));
            int value = random.nextInt(3);
            index.subscribe(key.filter(), key.subscriber(), value);
            if (expected.put(key, value) == null) {
                subscribed.add(key);
            }
        }
        for (int i = 0; i < SUBSCRIPTIONS / 3; i++) {
            Key key = subscribed.get(random.nextInt(subscribed.size()));
            assertEquals(expected.remove(key) != null, index.unsubscribe(key.filter(), key.subscriber()), key.toString());
        }
        assertEquals(expected.size(), index.size());

        int matchedTopics = 0;
        for (int i = 0; i < TOPICS; i++) {
            String topic = randomTopic();
            Topics.validateTopicName(topic);
            List<Match<Integer, Integer>> actual = Match.collect(index, topic);
            Set<Match<Integer, Integer>> bruteForce = new HashSet<>();
            expected.forEach((key, value) -> {
                if (Topics.matches(key.filter(), topic)) {
                    bruteForce.add(new Match<>(key.subscriber(), key.filter(), value));
                }
            });
            assertEquals(bruteForce.size(), actual.size(), () -> "duplicate or missing matches for " + topic);
            assertEquals(bruteForce, new HashSet<>(actual), topic);
            matchedTopics += actual.isEmpty() ? 0 : 1;
        }
        // Guards the generator: a comparison of empty results everywhere would prove nothing.
        assertTrue(matchedTopics > TOPICS / 2, "topics with matches: " + matchedTopics);

        expected.keySet().forEach(key -> assertTrue(index.unsubscribe(key.filter(), key.subscriber())));
        assertEquals(0, index.size());
        assertEquals(0, index.nodeCount(), "every node pruned");
    }

    private String randomFilter() {
        int depth = 1 + random.nextInt(5);
        StringBuilder filter = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            if (level > 0) {
                filter.append('/');
            }
            int pick = random.nextInt(10);
            if (level == depth - 1 && pick == 0) {
                filter.append('#');
            } else if (pick < 3) {
                filter.append('+');
            } else {
                filter.append(LEVELS[random.nextInt(LEVELS.length)]);
            }
        }
        if (filter.length() == 0) {
            return randomFilter(); // a lone empty level is not a valid filter
        }
        Topics.validateTopicFilter(filter.toString());
        return filter.toString();
    }

    private String randomTopic() {
        int depth = 1 + random.nextInt(5);
        StringBuilder topic = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            if (level > 0) {
                topic.append('/');
            }
            topic.append(LEVELS[random.nextInt(LEVELS.length)]);
        }
        return topic.length() == 0 ? randomTopic() : topic.toString(); // "" is not a valid name
    }
}
