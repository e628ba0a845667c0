package io.culex.domain.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionIndexTest {

    private final SubscriptionIndex<String, Integer> index = new SubscriptionIndex<>();

    @Test
    void emptyIndexMatchesNothing() {
        assertEquals(0, index.size());
        assertEquals(List.of(), Match.collect(index, "a/b"));
    }

    @Test
    void subscribeThenMatchReportsSubscriberFilterAndValue() {
        index.subscribe("sport/+/player1", "alice", 1);

        assertEquals(1, index.size());
        assertEquals(List.of(new Match<>("alice", "sport/+/player1", 1)), Match.collect(index, "sport/tennis/player1"));
        assertEquals(List.of(), Match.collect(index, "sport/tennis/player2"));
    }

    @Test
    void subscribingAgainReplacesTheValueWithoutGrowing() {
        index.subscribe("a/b", "alice", 0);
        index.subscribe("a/b", "alice", 2);

        assertEquals(1, index.size());
        assertEquals(List.of(new Match<>("alice", "a/b", 2)), Match.collect(index, "a/b"));
    }

    @Test
    void unsubscribeRemovesOnlyThatSubscription() {
        index.subscribe("a/b", "alice", 1);
        index.subscribe("a/b", "bob", 1);
        index.subscribe("a/#", "alice", 1);

        assertTrue(index.unsubscribe("a/b", "alice"));

        assertEquals(2, index.size());
        assertEquals(Set.of(new Match<>("bob", "a/b", 1), new Match<>("alice", "a/#", 1)),
                Set.copyOf(Match.collect(index, "a/b")));
    }

    @Test
    void unsubscribeOfUnknownSubscriptionReturnsFalse() {
        index.subscribe("a/b", "alice", 1);

        assertFalse(index.unsubscribe("a/b", "bob"));
        assertFalse(index.unsubscribe("a/c", "alice"));
        assertFalse(index.unsubscribe("a", "alice"));       // an inner node, not a subscription
        assertFalse(index.unsubscribe("a/b/c", "alice"));
        assertFalse(index.unsubscribe("a/+", "alice"));
        assertFalse(index.unsubscribe("a/#", "alice"));
        assertFalse(index.unsubscribe("", "alice"));
        assertFalse(index.unsubscribe("a+/#/x", "alice")); // invalid filters never exist
        assertTrue(index.unsubscribe("a/b", "alice"));
        assertFalse(index.unsubscribe("a/b", "alice"));
        assertEquals(0, index.size());
    }

    @Test
    void severalSubscribersOnOneFilterAreEachReportedOnce() {
        index.subscribe("sensors/+/temp", "alice", 0);
        index.subscribe("sensors/+/temp", "bob", 1);
        index.subscribe("sensors/+/temp", "carol", 2);

        List<Match<String, Integer>> matches = Match.collect(index, "sensors/kitchen/temp");

        assertEquals(3, matches.size());
        assertEquals(Set.of(
                new Match<>("alice", "sensors/+/temp", 0),
                new Match<>("bob", "sensors/+/temp", 1),
                new Match<>("carol", "sensors/+/temp", 2)), Set.copyOf(matches));
    }

    @Test
    void overlappingFiltersOfOneSubscriberAreAllReported() {
        index.subscribe("sport/tennis/player1", "alice", 0);
        index.subscribe("sport/tennis/+", "alice", 1);
        index.subscribe("sport/#", "alice", 2);
        index.subscribe("+/tennis/#", "alice", 0);
        index.subscribe("#", "alice", 1);
        index.subscribe("sport/tennis/player1/#", "alice", 2);
        index.subscribe("sport/football/#", "alice", 2); // does not match

        List<Match<String, Integer>> matches = Match.collect(index, "sport/tennis/player1");

        assertEquals(6, matches.size());
        assertEquals(Set.of(
                new Match<>("alice", "sport/tennis/player1", 0),
                new Match<>("alice", "sport/tennis/+", 1),
                new Match<>("alice", "sport/#", 2),
                new Match<>("alice", "+/tennis/#", 0),
                new Match<>("alice", "#", 1),
                new Match<>("alice", "sport/tennis/player1/#", 2)), Set.copyOf(matches));
    }

    @Test
    void dollarRuleAppliesToTheIndex() {
        index.subscribe("#", "all", 0);
        index.subscribe("+/monitor/Clients", "plus", 0);
        index.subscribe("$SYS/#", "sys", 0);
        index.subscribe("$SYS/monitor/+", "sysPlus", 0);

        Set<String> subscribers = new HashSet<>();
        index.match("$SYS/monitor/Clients", (subscriber, filter, value) -> subscribers.add(subscriber));

        assertEquals(Set.of("sys", "sysPlus"), subscribers);
    }

    @Test
    void wildcardAndLiteralFiltersWithEmptyLevelsAreDistinct() {
        index.subscribe("/", "root", 0);
        index.subscribe("/+", "slashPlus", 0);
        index.subscribe("+", "plus", 0);
        index.subscribe("+/", "plusSlash", 0);

        assertEquals(Set.of("root", "slashPlus", "plusSlash"), subscribersMatching("/"));
        assertEquals(Set.of("slashPlus"), subscribersMatching("/finance"));
        assertEquals(Set.of("plus"), subscribersMatching("finance"));
        assertEquals(Set.of("plusSlash"), subscribersMatching("finance/"));
    }

    @Test
    void unsubscribingEverythingPrunesAndTheIndexStaysUsable() {
        List<String> filters = List.of("a/b/c", "a/b", "a/+/c", "a/#", "#", "+", "/", "a//b", "$SYS/#", "+/+/+");
        for (String filter : filters) {
            index.subscribe(filter, "alice", 1);
            index.subscribe(filter, "bob", 2);
        }
        assertEquals(20, index.size());

        for (String filter : filters) {
            assertTrue(index.unsubscribe(filter, "alice"));
            assertTrue(index.unsubscribe(filter, "bob"));
        }

        assertEquals(0, index.size());
        assertEquals(0, index.nodeCount(), "every node pruned");
        for (String topic : List.of("a/b/c", "a/b", "a", "/", "a//b", "$SYS/x", "x/y/z")) {
            assertEquals(List.of(), Match.collect(index, topic), topic);
        }
        index.subscribe("a/b/c", "carol", 3);
        assertEquals(1, index.size());
        assertEquals(List.of(new Match<>("carol", "a/b/c", 3)), Match.collect(index, "a/b/c"));
    }

    @Test
    void pruningALeafKeepsSubscriptionsOnItsAncestorsAndSiblings() {
        index.subscribe("a", "alice", 1);
        index.subscribe("a/b/c", "alice", 1);
        index.subscribe("a/b/d", "alice", 1);
        assertEquals(4, index.nodeCount()); // a, a/b, a/b/c, a/b/d

        assertTrue(index.unsubscribe("a/b/c", "alice"));
        assertEquals(3, index.nodeCount());

        assertEquals(List.of(new Match<>("alice", "a", 1)), Match.collect(index, "a"));
        assertEquals(List.of(new Match<>("alice", "a/b/d", 1)), Match.collect(index, "a/b/d"));
        assertEquals(List.of(), Match.collect(index, "a/b/c"));
        assertTrue(index.unsubscribe("a/b/d", "alice"));
        assertEquals(1, index.nodeCount(), "a/b had no subscribers of its own, so it went too");
        assertEquals(List.of(new Match<>("alice", "a", 1)), Match.collect(index, "a"));
    }

    @Test
    void failedUnsubscribeAndFailedSubscribeLeaveNoNodesBehind() {
        index.subscribe("a/+/#", "alice", 1);
        assertEquals(3, index.nodeCount());

        assertFalse(index.unsubscribe("a/+/#", "bob"));
        assertThrows(NullPointerException.class, () -> index.subscribe("x/y/z", "bob", null));
        assertThrows(InvalidTopicException.class, () -> index.subscribe("x/y#", "bob", 1));

        assertEquals(3, index.nodeCount());
        assertTrue(index.unsubscribe("a/+/#", "alice"));
        assertEquals(0, index.nodeCount());
    }

    @Test
    void rejectsInvalidFiltersAndNullsWithoutChangingTheIndex() {
        InvalidTopicException e = assertThrows(InvalidTopicException.class,
                () -> index.subscribe("sport/tennis#", "alice", 1));
        assertEquals("topic filter wildcard '#' must occupy an entire level (index 12)", e.getMessage());
        assertThrows(InvalidTopicException.class, () -> index.subscribe("", "alice", 1));
        assertThrows(NullPointerException.class, () -> index.subscribe("a", null, 1));
        assertThrows(NullPointerException.class, () -> index.subscribe("a", "alice", null));

        assertEquals(0, index.size());
        assertEquals(List.of(), Match.collect(index, "a"));
    }

    @Test
    void deepTopicsDoNotOverflowTheStack() {
        String deepFilter = "+/".repeat(30_000) + "#";
        index.subscribe(deepFilter, "alice", 1);

        assertEquals(1, Match.collect(index, "/".repeat(40_000)).size());
        assertEquals(0, Match.collect(index, "/".repeat(20_000)).size());
        assertTrue(index.unsubscribe(deepFilter, "alice"));
        assertEquals(0, index.nodeCount());
    }

    private Set<String> subscribersMatching(String topic) {
        Set<String> subscribers = new HashSet<>();
        index.match(topic, (subscriber, filter, value) -> subscribers.add(subscriber));
        return subscribers;
    }
}
