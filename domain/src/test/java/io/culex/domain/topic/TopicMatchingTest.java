package io.culex.domain.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Matching tables; each row is checked against both Topics.matches and SubscriptionIndex.match. */
class TopicMatchingTest {

    @ParameterizedTest(name = "spec 4.7: \"{0}\" vs \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            // 4.7.1.2 multi-level wildcard
            "sport/tennis/player1/#   | sport/tennis/player1                   | true",
            "sport/tennis/player1/#   | sport/tennis/player1/ranking           | true",
            "sport/tennis/player1/#   | sport/tennis/player1/score/wimbledon   | true",
            "sport/#                  | sport                                  | true",
            "#                        | sport/tennis/player1                   | true",
            "sport/tennis/#           | sport/tennis/player1                   | true",
            // 4.7.1.3 single-level wildcard
            "sport/tennis/+           | sport/tennis/player1                   | true",
            "sport/tennis/+           | sport/tennis/player2                   | true",
            "sport/tennis/+           | sport/tennis/player1/ranking           | false",
            "sport/+                  | sport                                  | false",
            "sport/+                  | sport/                                 | true",
            "+                        | sport                                  | true",
            "+/tennis/#               | sport/tennis/player1                   | true",
            "sport/+/player1          | sport/tennis/player1                   | true",
            "+/+                      | /finance                               | true",
            "/+                       | /finance                               | true",
            "+                        | /finance                               | false",
            // 4.7.2 topics beginning with $
            "#                        | $SYS/monitor/Clients                   | false",
            "+/monitor/Clients        | $SYS/monitor/Clients                   | false",
            "$SYS/#                   | $SYS/monitor/Clients                   | true",
            "$SYS/monitor/+           | $SYS/monitor/Clients                   | true",
            // 4.7.3 case sensitivity, spaces, leading and trailing '/'
            "ACCOUNTS                 | Accounts                               | false",
            "Accounts                 | Accounts                               | true",
            "Accounts payable         | Accounts payable                       | true",
            "/finance                 | finance                                | false",
            "finance                  | /finance                               | false",
            "finance/                 | finance                                | false",
            "/                        | /                                      | true",
    })
    void specExamples(String filter, String topic, boolean expected) {
        assertMatch(filter, topic, expected);
    }

    @ParameterizedTest(name = "$-topics: \"{0}\" vs \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "#          | $SYS                | false",
            "+          | $SYS                | false",
            "+/#        | $SYS/broker         | false",
            "+/+        | $SYS/broker         | false",
            "#          | $                   | false",
            "$SYS       | $SYS                | true",
            "$SYS/#     | $SYS                | true",
            "$SYS/+     | $SYS/broker         | true",
            "$SYS/+/+   | $SYS/broker/uptime  | true",
            "x/+        | x/$y                | true",   // the $-rule applies at the root level only
            "x/#        | x/$y/z              | true",
            "+/$y       | x/$y                | true",
            "#          | x$                  | true",
            "+          | a$                  | true",
    })
    void dollarTopics(String filter, String topic, boolean expected) {
        assertMatch(filter, topic, expected);
    }

    @ParameterizedTest(name = "empty levels: \"{0}\" vs \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "a//b       | a//b     | true",
            "a/+/b      | a//b     | true",
            "+/+/+      | a//b     | true",
            "a/#        | a//b     | true",
            "a/b        | a//b     | false",
            "a//b       | a/b      | false",
            "a/+        | a/       | true",
            "a/#        | a/       | true",
            "a/         | a/       | true",
            "a/         | a        | false",
            "a          | a/       | false",
            "+/+        | /        | true",
            "/+         | /        | true",
            "+/         | /        | true",
            "/#         | /        | true",
            "+/#        | /        | true",
            "#          | /        | true",
            "+          | /        | false",
            "/          | //       | false",
            "+/+/+      | //       | true",
            "//#        | //       | true",
            "/#         | //       | true",
            "a/+/+      | a/b      | false",
            "a/+/#      | a/b      | true",
            "a/+/+/#    | a/b      | false",
            "+/#        | a        | true",
            "#          | a        | true",
            "a/b/c      | a/b      | false",
            "a/b        | a/b/c    | false",
            "ab         | a        | false",
            "a          | ab       | false",
    })
    void emptyLevelsAndPrefixes(String filter, String topic, boolean expected) {
        assertMatch(filter, topic, expected);
    }

    /** Both matchers must agree with the table, which also cross-checks them on every row. */
    private static void assertMatch(String filter, String topic, boolean expected) {
        Topics.validateTopicFilter(filter);
        Topics.validateTopicName(topic);
        assertEquals(expected, Topics.matches(filter, topic), "Topics.matches");

        SubscriptionIndex<String, Integer> index = new SubscriptionIndex<>();
        index.subscribe(filter, "client", 1);
        int[] calls = {0};
        index.match(topic, (subscriber, matchedFilter, value) -> {
            assertEquals("client", subscriber);
            assertEquals(filter, matchedFilter);
            assertEquals(1, value);
            calls[0]++;
        });
        assertEquals(expected ? 1 : 0, calls[0], "SubscriptionIndex.match");
    }
}
