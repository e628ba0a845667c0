package io.culex.domain.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.domain.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterSetsTest {

    @ParameterizedTest(name = "\"{0}\" ∩ \"{1}\" = \"{2}\"")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "a/b       | a/b       | a/b",
            "a/b       | a/c       | none",
            "a/+       | a/b       | a/b",
            "a/#       | a/b/c     | a/b/c",
            "a/#       | a         | a",
            "a/#       | a/+       | a/+",
            "+/b/#     | a/+/c     | a/b/c",
            "#         | $SYS/#    | none",
            "+/x       | $SYS/x    | none",
            "$SYS/#    | $SYS/+    | $SYS/+",
            "#         | +/+       | +/+",
            "a/+       | a/b/c     | none",
            "a         | a/b       | none",
    })
    void intersections(String a, String b, String expected) {
        String[] both = FilterSets.intersect(FilterSets.levels(a), FilterSets.levels(b));
        if (expected == null) {
            assertNull(both);
        } else {
            assertEquals(expected, String.join("/", both));
        }
        String[] swapped = FilterSets.intersect(FilterSets.levels(b), FilterSets.levels(a));
        assertEquals(expected, swapped == null ? null : String.join("/", swapped), "symmetric");
    }

    @ParameterizedTest(name = "\"{0}\" within \"{1}\": {2}")
    @CsvSource(delimiter = '|', value = {
            "a/b       | a/b       | true",
            "a/b       | a/+       | true",
            "a/+       | a/b       | false",
            "a/b/c     | a/#       | true",
            "a         | a/#       | true",
            "a/#       | a/+/#     | false",
            "a/+       | a/+/#     | true",
            "$SYS/x    | #         | false",
            "$SYS/x    | +/x       | false",
            "$SYS/x    | $SYS/#    | true",
            "+/x       | #         | true",
            "#         | #         | true",
            "a/#       | a/+       | false",
            "#         | +/#       | true",
            "a/#       | a/+/#     | false",
    })
    void within(String inner, String outer, boolean expected) {
        assertEquals(expected, FilterSets.within(FilterSets.levels(inner), FilterSets.levels(outer)));
    }

    /** Both operations agree with Topics.matches over every topic of a small universe. */
    @Test
    void agreeWithTopicMatchingExhaustively() {
        List<String> filters = combine(List.of("a", "$x", "", "+", "#"), 3).stream()
                .filter(Topics::isValidTopicFilter).toList();
        List<String> topics = combine(List.of("a", "b", "$x", ""), 4).stream().filter(t -> !t.isEmpty()).toList();
        int checked = 0;
        for (String a : filters) {
            for (String b : filters) {
                String[] both = FilterSets.intersect(FilterSets.levels(a), FilterSets.levels(b));
                boolean within = FilterSets.within(FilterSets.levels(a), FilterSets.levels(b));
                boolean sawOutside = false;
                for (String topic : topics) {
                    boolean inA = Topics.matches(a, topic);
                    boolean inB = Topics.matches(b, topic);
                    boolean inBoth = both != null && Topics.matches(String.join("/", both), topic);
                    assertEquals(inA && inB, inBoth, () -> a + " ∩ " + b + " on " + topic);
                    if (inA && !inB) {
                        sawOutside = true;
                        assertTrue(!within, () -> a + " within " + b + " but not " + topic);
                    }
                }
                assertEquals(!sawOutside, within, a + " within " + b);
                checked++;
            }
        }
        assertTrue(checked > 1000, "universe too small: " + checked);
    }

    private static List<String> combine(List<String> levels, int maxDepth) {
        List<String> out = new ArrayList<>();
        List<String> current = new ArrayList<>(levels);
        out.addAll(current);
        for (int depth = 2; depth <= maxDepth; depth++) {
            List<String> next = new ArrayList<>();
            for (String prefix : current) {
                for (String level : levels) {
                    next.add(prefix + "/" + level);
                }
            }
            out.addAll(next);
            current = next;
        }
        return out;
    }
}
