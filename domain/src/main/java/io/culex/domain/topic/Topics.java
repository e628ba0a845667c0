package io.culex.domain.topic;

import static io.culex.domain.topic.TopicLevels.isWildcardLevel;
import static io.culex.domain.topic.TopicLevels.levelEnd;
import static io.culex.domain.topic.TopicLevels.sameLevel;

/** Validation and matching of MQTT topic names and topic filters (MQTT 3.1.1 and 5, section 4.7). */
public final class Topics {

    private Topics() {
    }

    /**
     * Checks a topic name as used in PUBLISH: non-empty, no wildcards, no U+0000, at most
     * 65535 UTF-8 bytes.
     *
     * @throws InvalidTopicException naming the broken rule
     * @throws NullPointerException if {@code topic} is null (a programming error, not a protocol one)
     */
    public static void validateTopicName(String topic) {
        TopicValidation.validateName(topic);
    }

    /**
     * Checks a topic filter as used in SUBSCRIBE: non-empty, no U+0000, at most 65535 UTF-8
     * bytes, '+' only as a whole level, '#' only as the whole last level.
     *
     * @throws InvalidTopicException naming the broken rule
     * @throws NullPointerException if {@code filter} is null
     */
    public static void validateTopicFilter(String filter) {
        TopicValidation.validateFilter(filter);
    }

    /** @throws NullPointerException if {@code filter} is null */
    public static boolean isValidTopicFilter(String filter) {
        try {
            TopicValidation.validateFilter(filter);
            return true;
        } catch (InvalidTopicException e) {
            return false;
        }
    }

    /**
     * Whether {@code filter} matches {@code topicName}, including the rule that filters beginning
     * with a wildcard do not match topic names beginning with '$'.
     *
     * <p>Both arguments are expected to be valid; this method does not validate them, because
     * callers validate once at the protocol boundary and then match many times.
     */
    public static boolean matches(String filter, String topicName) {
        if (TopicLevels.startsWithWildcard(filter) && TopicLevels.isDollarTopic(topicName)) {
            return false;
        }
        int filterStart = 0;
        int topicStart = 0;
        while (true) {
            int filterEnd = levelEnd(filter, filterStart);
            if (isWildcardLevel(filter, filterStart, filterEnd, TopicLevels.MULTI_LEVEL_WILDCARD)) {
                return true; // '#' matches the parent level and any number of child levels
            }
            if (topicStart > topicName.length()) {
                return false; // the filter has a level the topic lacks
            }
            int topicEnd = levelEnd(topicName, topicStart);
            if (!isWildcardLevel(filter, filterStart, filterEnd, TopicLevels.SINGLE_LEVEL_WILDCARD)
                    && !sameLevel(filter, filterStart, filterEnd, topicName, topicStart, topicEnd)) {
                return false;
            }
            filterStart = filterEnd + 1;
            topicStart = topicEnd + 1;
            if (filterStart > filter.length()) {
                return topicStart > topicName.length(); // both must run out of levels together
            }
        }
    }
}
