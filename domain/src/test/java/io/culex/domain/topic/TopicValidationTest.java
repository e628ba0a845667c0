package io.culex.domain.topic;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicValidationTest {

    private static final String EURO = "\u20ac";         // 3 UTF-8 bytes
    private static final String CLEF = "\ud834\udd1e";   // U+1D11E, a surrogate pair: 4 UTF-8 bytes

    // ---- topic names

    @ParameterizedTest(name = "valid name \"{0}\"")
    @ValueSource(strings = {
            "sport/tennis/player1", "sport", "/", "//", "/finance", "finance/", "a//b",
            "Accounts payable", "ACCOUNTS", "$SYS/monitor/Clients", "$", "caf\u00e9/\u20ac/\ud834\udd1e"})
    void acceptsValidTopicNames(String name) {
        assertDoesNotThrow(() -> Topics.validateTopicName(name));
    }

    @ParameterizedTest(name = "invalid name \"{0}\": {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"            | topic name must not be empty",
            "sport/+        | topic name must not contain wildcard '+' (index 6)",
            "+              | topic name must not contain wildcard '+' (index 0)",
            "sport/tennis/# | topic name must not contain wildcard '#' (index 13)",
            "#              | topic name must not contain wildcard '#' (index 0)",
            "sport+         | topic name must not contain wildcard '+' (index 5)",
    })
    void rejectsInvalidTopicNames(String name, String reason) {
        assertInvalidName(name, reason);
    }

    @Test
    void rejectsNullCharacterInTopicName() {
        assertInvalidName("a\u0000b", "topic name must not contain U+0000 (index 1)");
    }

    @Test
    void rejectsUnpairedSurrogatesInTopicName() {
        assertInvalidName("a\ud834", "topic name must not contain an unpaired surrogate (index 1)");
        assertInvalidName("a\udd1eb", "topic name must not contain an unpaired surrogate (index 1)");
        assertInvalidName("\udd1e\ud834", "topic name must not contain an unpaired surrogate (index 0)");
    }

    @Test
    void limitsTopicNameTo65535Utf8Bytes() {
        assertDoesNotThrow(() -> Topics.validateTopicName("a".repeat(65_535)));
        assertInvalidName("a".repeat(65_536), "topic name must not exceed 65535 UTF-8 bytes");

        assertDoesNotThrow(() -> Topics.validateTopicName(EURO.repeat(21_845)));           // 65535 bytes
        assertInvalidName(EURO.repeat(21_845) + "a", "topic name must not exceed 65535 UTF-8 bytes");
        assertDoesNotThrow(() -> Topics.validateTopicName("\u00e9".repeat(32_767) + "a")); // 2 bytes each
        assertInvalidName("\u00e9".repeat(32_768), "topic name must not exceed 65535 UTF-8 bytes");

        assertDoesNotThrow(() -> Topics.validateTopicName(CLEF.repeat(16_383) + "aaa"));   // 65535 bytes
        assertInvalidName(CLEF.repeat(16_384), "topic name must not exceed 65535 UTF-8 bytes");
    }

    @Test
    void nullTopicNameIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> Topics.validateTopicName(null));
    }

    // ---- topic filters

    @ParameterizedTest(name = "valid filter \"{0}\"")
    @ValueSource(strings = {
            "#", "+", "sport/tennis/#", "sport/#", "sport/tennis/player1/#", "+/tennis/#", "sport/+/player1",
            "sport/tennis/+", "+/+", "/+", "/#", "/", "a//b", "+/", "//+//", "$SYS/#", "$SYS/monitor/+",
            "sport/tennis/player1", "Accounts payable", "caf\u00e9/+/\ud834\udd1e"})
    void acceptsValidTopicFilters(String filter) {
        assertDoesNotThrow(() -> Topics.validateTopicFilter(filter));
        assertTrue(Topics.isValidTopicFilter(filter));
    }

    @ParameterizedTest(name = "invalid filter \"{0}\": {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"                   | topic filter must not be empty",
            "sport/tennis#          | topic filter wildcard '#' must occupy an entire level (index 12)",
            "sport/tennis/#/ranking | topic filter wildcard '#' must be the last level (index 13)",
            "sport+                 | topic filter wildcard '+' must occupy an entire level (index 5)",
            "sport/+tennis          | topic filter wildcard '+' must occupy an entire level (index 6)",
            "+a                     | topic filter wildcard '+' must occupy an entire level (index 0)",
            "##                     | topic filter wildcard '#' must occupy an entire level (index 0)",
            "++                     | topic filter wildcard '+' must occupy an entire level (index 0)",
            "#/                     | topic filter wildcard '#' must be the last level (index 0)",
            "a/#/#                  | topic filter wildcard '#' must be the last level (index 2)",
            "#/+                    | topic filter wildcard '#' must be the last level (index 0)",
    })
    void rejectsInvalidTopicFilters(String filter, String reason) {
        assertInvalidFilter(filter, reason);
    }

    @Test
    void rejectsNullCharacterAndUnpairedSurrogatesInTopicFilter() {
        assertInvalidFilter("+/\u0000", "topic filter must not contain U+0000 (index 2)");
        assertInvalidFilter("#\ud834", "topic filter wildcard '#' must occupy an entire level (index 0)");
        assertInvalidFilter("a/\ud834", "topic filter must not contain an unpaired surrogate (index 2)");
    }

    @Test
    void limitsTopicFilterTo65535Utf8Bytes() {
        assertDoesNotThrow(() -> Topics.validateTopicFilter("a".repeat(65_533) + "/#"));
        assertInvalidFilter("a".repeat(65_534) + "/#", "topic filter must not exceed 65535 UTF-8 bytes");
        assertInvalidFilter(EURO.repeat(21_845) + "/+", "topic filter must not exceed 65535 UTF-8 bytes");
    }

    @Test
    void nullTopicFilterIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> Topics.validateTopicFilter(null));
        assertThrows(NullPointerException.class, () -> Topics.isValidTopicFilter(null));
    }

    private static void assertInvalidName(String name, String reason) {
        InvalidTopicException e = assertThrows(InvalidTopicException.class, () -> Topics.validateTopicName(name));
        assertEquals(reason, e.getMessage());
    }

    private static void assertInvalidFilter(String filter, String reason) {
        InvalidTopicException e = assertThrows(InvalidTopicException.class, () -> Topics.validateTopicFilter(filter));
        assertEquals(reason, e.getMessage());
        assertFalse(Topics.isValidTopicFilter(filter));
    }
}
