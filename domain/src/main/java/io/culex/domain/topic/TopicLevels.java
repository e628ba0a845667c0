package io.culex.domain.topic;

/**
 * Index-based walking of '/'-separated topic levels, so that matching needs no
 * {@code String.split} allocations.
 *
 * <p>A level is the range {@code [start, levelEnd(s, start))}. The next level starts at
 * {@code end + 1}; a start greater than {@code s.length()} means no level is left. This also
 * handles empty levels: {@code "a/"} has the levels {@code "a"} and {@code ""}.
 */
final class TopicLevels {

    static final char SEPARATOR = '/';
    static final char SINGLE_LEVEL_WILDCARD = '+';
    static final char MULTI_LEVEL_WILDCARD = '#';
    static final String SINGLE_LEVEL_WILDCARD_LEVEL = "+";
    static final String MULTI_LEVEL_WILDCARD_LEVEL = "#";

    private TopicLevels() {
    }

    /** End (exclusive) of the level beginning at {@code start}: the next separator or the end of the string. */
    static int levelEnd(String s, int start) {
        int separator = s.indexOf(SEPARATOR, start);
        return separator < 0 ? s.length() : separator;
    }

    static boolean isWildcardLevel(String s, int start, int end, char wildcard) {
        return end - start == 1 && s.charAt(start) == wildcard;
    }

    static boolean sameLevel(String a, int aStart, int aEnd, String b, int bStart, int bEnd) {
        int length = aEnd - aStart;
        return length == bEnd - bStart && a.regionMatches(aStart, b, bStart, length);
    }

    /** Topics beginning with '$' (e.g. $SYS) are not matched by filters beginning with a wildcard. */
    static boolean isDollarTopic(String topicName) {
        return !topicName.isEmpty() && topicName.charAt(0) == '$';
    }

    static boolean startsWithWildcard(String filter) {
        if (filter.isEmpty()) {
            return false;
        }
        char first = filter.charAt(0);
        return first == SINGLE_LEVEL_WILDCARD || first == MULTI_LEVEL_WILDCARD;
    }
}
