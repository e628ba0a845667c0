package io.culex.bootstrap.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code key value...} line of a configuration file, and the typed reading of its value.
 * Every failure names the file, the line and the key, as Mosquitto users expect.
 *
 * @param value everything after the key, trimmed; empty when the key stands alone
 */
record ConfigLine(String source, int number, String key, String value) {

    static final String TRUE_OR_FALSE = "true or false (or 1 or 0)";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** ASCII digits only: no sign, no hex, no other scripts' digits (which Long.parseLong would take). */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");

    List<String> values() {
        return value.isEmpty() ? List.of() : List.of(WHITESPACE.split(value));
    }

    String location() {
        return source + ":" + number;
    }

    ConfigException error(String problem) {
        return new ConfigException(location() + ": " + key + ": " + problem);
    }

    /** "expected ..., got ..." quoting what the line holds. */
    ConfigException expected(String what) {
        String got = value.isEmpty() ? "nothing" : "'" + value + "'";
        // Mosquitto ignores extra words, so "key value # note" worked there; say why it fails here.
        boolean trailingComment = values().stream().skip(1).anyMatch(word -> word.startsWith("#"));
        return error("expected " + what + ", got " + got
                + (trailingComment ? " (a comment must be on a line of its own)" : ""));
    }

    /** The value, which must be present; it may contain blanks, as Mosquitto takes string values to the line's end. */
    String text(String what) throws ConfigException {
        if (value.isEmpty()) {
            throw expected(what);
        }
        return value;
    }

    /** The value, which must be exactly one word. */
    String word(String what) throws ConfigException {
        List<String> words = values();
        if (words.size() != 1) {
            throw expected(what);
        }
        return words.get(0);
    }

    /** Mosquitto also reads 1 and 0 as booleans, so existing files may use them. */
    boolean booleanValue() throws ConfigException {
        return switch (word(TRUE_OR_FALSE)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw expected(TRUE_OR_FALSE);
        };
    }

    int intValue(int min, int max) throws ConfigException {
        return (int) longValue(min, max);
    }

    long longValue(long min, long max) throws ConfigException {
        return number(word(range("an integer", min, max)), "an integer", min, max);
    }

    /** One word read as a decimal integer in [min, max]; {@code noun} names it in the error. */
    long number(String word, String noun, long min, long max) throws ConfigException {
        if (DECIMAL.matcher(word).matches()) {
            try {
                long number = Long.parseLong(word);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException beyondLong) {
                // out of range: reported below like any other bad number
            }
        }
        throw error("expected " + range(noun, min, max) + ", got '" + word + "'");
    }

    static String range(String noun, long min, long max) {
        return noun + " from " + min + " to " + max;
    }
}
