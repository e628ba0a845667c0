package io.culex.domain.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SharedFilterTest {

    @Test
    void parsesGroupAndFilter() {
        SharedFilter shared = SharedFilter.parse("$share/workers/jobs/+/new");
        assertEquals("workers", shared.group());
        assertEquals("jobs/+/new", shared.filter());
        assertEquals("$share/workers/jobs/+/new", shared.text());
    }

    @Test
    void recognisesTheSharePrefixOnly() {
        assertTrue(SharedFilter.isShared("$share/g/t"));
        assertFalse(SharedFilter.isShared("$sharex/g/t"));
        assertFalse(SharedFilter.isShared("share/g/t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$share/", "$share/g", "$share//t", "$share/g+/t", "$share/g#/t", "$share/g/", "$share/g/a/#/b"})
    void malformedShareNamesAndFiltersAreRejected(String filter) {
        assertThrows(InvalidTopicException.class, () -> SharedFilter.parse(filter));
    }
}
