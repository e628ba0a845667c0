package io.culex.adapters.netty.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InboundTopicAliasesTest {

    private final InboundTopicAliases aliases = new InboundTopicAliases(3);

    @Test
    void withoutAnAliasTheTopicIsKept() {
        assertEquals("a", aliases.resolve("a", null));
    }

    @Test
    void aTopicWithAnAliasMapsItAndAnEmptyTopicUsesTheMapping() {
        assertEquals("a", aliases.resolve("a", 1));
        assertEquals("a", aliases.resolve("", 1));
    }

    @Test
    void aLaterTopicRemapsTheAlias() {
        aliases.resolve("a", 2);
        aliases.resolve("b", 2);

        assertEquals("b", aliases.resolve("", 2));
    }

    @Test
    void anUnmappedAliasIsAProtocolError() {
        assertEquals(0x82, assertThrows(InboundTopicAliases.Violation.class, () -> aliases.resolve("", 2)).reasonCode());
    }

    @Test
    void aliasZeroOrAboveTheMaximumIsInvalid() {
        assertEquals(0x94, assertThrows(InboundTopicAliases.Violation.class, () -> aliases.resolve("a", 0)).reasonCode());
        assertEquals(0x94, assertThrows(InboundTopicAliases.Violation.class, () -> aliases.resolve("a", 4)).reasonCode());
        assertEquals(0x94, assertThrows(InboundTopicAliases.Violation.class,
                () -> new InboundTopicAliases(0).resolve("a", 1)).reasonCode());
    }
}
