package io.culex.domain.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many siblings per level, matching from inside a match, and matching without allocating. */
class SubscriptionIndexScaleTest {

    private final SubscriptionIndex<String, Integer> index = new SubscriptionIndex<>();

    @Test
    void findsEachOfManySiblingsAndOnlyIt() {
        for (int device = 0; device < 5_000; device++) {
            index.subscribe("site/1/device/" + device + "/temp", "client-" + device, device % 3);
        }
        for (int device = 0; device < 5_000; device += 7) {
            assertEquals(List.of(new Match<>("client-" + device, "site/1/device/" + device + "/temp", device % 3)),
                    Match.collect(index, "site/1/device/" + device + "/temp"));
        }
        assertEquals(List.of(), Match.collect(index, "site/1/device/5000/temp"));
        assertEquals(List.of(), Match.collect(index, "site/1/device/12/pressure"));
    }

    @Test
    void levelsWithEqualHashCodesAreToldApart() {
        // "Aa" and "BB" have the same String.hashCode
        index.subscribe("x/Aa", "alice", 1);
        index.subscribe("x/BB", "bob", 2);

        assertEquals(List.of(new Match<>("alice", "x/Aa", 1)), Match.collect(index, "x/Aa"));
        assertEquals(List.of(new Match<>("bob", "x/BB", 2)), Match.collect(index, "x/BB"));
        assertEquals(List.of(), Match.collect(index, "x/Ab"));
    }

    @Test
    void nonAsciiLevelsMatch() {
        index.subscribe("maison/température/+", "alice", 1);
        index.subscribe("家/温度", "bob", 1);

        assertEquals(1, Match.collect(index, "maison/température/salon").size());
        assertEquals(1, Match.collect(index, "家/温度").size());
        assertEquals(0, Match.collect(index, "家/温").size());
    }

    @Test
    void manySubscribersOfOneFilterAreEachReportedOnceAndUnsubscribeShrinksThem() {
        for (int i = 0; i < 2_000; i++) {
            index.subscribe("news/#", "reader-" + i, 0);
        }
        assertEquals(2_000, Match.collect(index, "news/today").size());
        for (int i = 0; i < 1_990; i++) {
            assertTrue(index.unsubscribe("news/#", "reader-" + i));
        }
        List<Match<String, Integer>> left = Match.collect(index, "news/today");
        assertEquals(10, left.size());
        assertTrue(left.contains(new Match<>("reader-1999", "news/#", 0)));
    }

    @Test
    void aSinkMayMatchAgainFromInsideAMatch() {
        index.subscribe("a/+", "outer", 1);
        index.subscribe("b/#", "inner", 2);
        List<String> seen = new ArrayList<>();

        index.match("a/x", (subscriber, filter, value) -> {
            seen.add(subscriber);
            index.match("b/y/z", (innerSubscriber, innerFilter, innerValue) -> seen.add(innerSubscriber));
        });

        assertEquals(List.of("outer", "inner"), seen);
        assertEquals(1, Match.collect(index, "a/x").size(), "the outer walk's arrays are intact afterwards");
    }

    @Test
    void matchingAllocatesNothing() {
        for (int i = 0; i < 1_000; i++) {
            index.subscribe("site/" + i + "/device/+/temp", "client-" + i, 1);
            index.subscribe("site/" + i + "/#", "monitor-" + i, 0);
        }
        int[] count = new int[1];
        MatchSink<String, Integer> sink = (subscriber, filter, value) -> count[0]++;
        String[] topics = new String[100];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = "site/" + (i * 10) + "/device/3/temp";
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedPerMatch = Long.MAX_VALUE;
        // Rounds until compiled: interpreted code allocates where compiled code does not (escape analysis).
        for (int round = 0; round < 50 && allocatedPerMatch > 0; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int pass = 0; pass < 200; pass++) {
                for (String topic : topics) {
                    index.match(topic, sink);
                }
            }
            allocatedPerMatch = (threads.getCurrentThreadAllocatedBytes() - before) / (200L * topics.length);
        }
        assertEquals(0, allocatedPerMatch, "bytes allocated per match once compiled");
        assertTrue(count[0] > 0);
    }
}
