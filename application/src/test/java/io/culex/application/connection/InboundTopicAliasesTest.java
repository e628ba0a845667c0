package io.culex.application.connection;

import static io.culex.application.connection.PublishRequest.NO_ALIAS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.culex.application.connection.InboundTopicAliases.Problem;
import org.junit.jupiter.api.Test;

/** The topic aliases a client sets up towards the broker (MQTT 5, 3.3.2.3.4), with max_topic_alias 10. */
class InboundTopicAliasesTest {

    private final InboundTopicAliases aliases = new InboundTopicAliases(10);

    @Test
    void aPublishWithoutAliasKeepsItsTopic() {
        assertEquals("a/b", aliases.resolve("a/b", NO_ALIAS));
        assertEquals(Problem.NONE, aliases.problem());
    }

    @Test
    void aTopicSentWithAnAliasIsWhatTheAliasStandsForAfterwards() {
        assertEquals("sensors/1/temperature", aliases.resolve("sensors/1/temperature", 1));
        assertEquals("sensors/1/temperature", aliases.resolve("", 1));
        assertEquals("sensors/1/temperature", aliases.resolve("", 1));
    }

    @Test
    void anAliasCanBeMappedToAnotherTopic() {
        aliases.resolve("first", 3);
        assertEquals("second", aliases.resolve("second", 3));
        assertEquals("second", aliases.resolve("", 3));
    }

    @Test
    void aliasesAreIndependentOfEachOther() {
        aliases.resolve("one", 1);
        aliases.resolve("ten", 10);
        assertEquals("one", aliases.resolve("", 1));
        assertEquals("ten", aliases.resolve("", 10));
    }

    @Test
    void theMaximumIsTheHighestValidAlias() {
        assertEquals("t", aliases.resolve("t", 10));
        assertNull(aliases.resolve("t", 11));
        assertEquals(Problem.ALIAS_OUT_OF_RANGE, aliases.problem());
    }

    @Test
    void aliasZeroIsOutOfRange() {
        assertNull(aliases.resolve("t", 0));
        assertEquals(Problem.ALIAS_OUT_OF_RANGE, aliases.problem());
    }

    @Test
    void anAliasThatWasNeverSetIsUnknown() {
        aliases.resolve("t", 1);
        assertNull(aliases.resolve("", 2));
        assertEquals(Problem.UNKNOWN_ALIAS, aliases.problem());
    }

    @Test
    void aPublishWithNeitherTopicNorAliasHasNoTopic() {
        assertNull(aliases.resolve("", NO_ALIAS));
        assertEquals(Problem.NO_TOPIC, aliases.problem());
    }

    @Test
    void withMaximumZeroEveryAliasIsOutOfRangeButPlainTopicsWork() {
        InboundTopicAliases none = new InboundTopicAliases(0);
        assertEquals("a", none.resolve("a", NO_ALIAS));
        assertNull(none.resolve("a", 1));
        assertEquals(Problem.ALIAS_OUT_OF_RANGE, none.problem());
    }

    @Test
    void theLargestMaximumTheProtocolAllowsWorks() {
        InboundTopicAliases many = new InboundTopicAliases(65_535);
        assertEquals("t", many.resolve("t", 65_535));
        assertEquals("t", many.resolve("", 65_535));
    }
}
