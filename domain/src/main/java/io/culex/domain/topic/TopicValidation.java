package io.culex.domain.topic;

import java.util.Objects;

/** The syntax rules of MQTT section 4.7 for topic names and topic filters, checked in one pass. */
final class TopicValidation {

    /** Both the MQTT UTF-8 string length prefix and the spec cap a topic at this many bytes. */
    static final int MAX_UTF8_BYTES = 65_535;

    private TopicValidation() {
    }

    static void validateName(String topic) {
        validate(topic, "topic name", false);
    }

    static void validateFilter(String filter) {
        validate(filter, "topic filter", true);
    }

    private static void validate(String s, String what, boolean wildcardsAllowed) {
        Objects.requireNonNull(s, what);
        if (s.isEmpty()) {
            throw new InvalidTopicException(what + " must not be empty");
        }
        // Every char is at least one UTF-8 byte: such a string is too long without counting.
        if (s.length() > MAX_UTF8_BYTES) {
            throw tooLong(what);
        }
        int utf8Bytes = 0;
        int levelStart = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                throw new InvalidTopicException(what + " must not contain U+0000 (index " + i + ")");
            } else if (c == TopicLevels.SEPARATOR) {
                levelStart = i + 1;
            } else if (c == TopicLevels.SINGLE_LEVEL_WILDCARD || c == TopicLevels.MULTI_LEVEL_WILDCARD) {
                checkWildcard(s, what, wildcardsAllowed, c, i, levelStart);
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                utf8Bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                // Unpaired surrogates have no UTF-8 encoding, and MQTT forbids U+D800..U+DFFF.
                throw new InvalidTopicException(what + " must not contain an unpaired surrogate (index " + i + ")");
            } else {
                utf8Bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        if (utf8Bytes > MAX_UTF8_BYTES) {
            throw tooLong(what);
        }
    }

    private static void checkWildcard(String s, String what, boolean wildcardsAllowed, char wildcard, int i,
                                      int levelStart) {
        if (!wildcardsAllowed) {
            throw new InvalidTopicException(what + " must not contain wildcard '" + wildcard + "' (index " + i + ")");
        }
        boolean lastChar = i + 1 == s.length();
        boolean wholeLevel = i == levelStart && (lastChar || s.charAt(i + 1) == TopicLevels.SEPARATOR);
        if (!wholeLevel) {
            throw new InvalidTopicException(
                    what + " wildcard '" + wildcard + "' must occupy an entire level (index " + i + ")");
        }
        if (wildcard == TopicLevels.MULTI_LEVEL_WILDCARD && !lastChar) {
            throw new InvalidTopicException(what + " wildcard '#' must be the last level (index " + i + ")");
        }
    }

    private static InvalidTopicException tooLong(String what) {
        return new InvalidTopicException(what + " must not exceed " + MAX_UTF8_BYTES + " UTF-8 bytes");
    }
}
