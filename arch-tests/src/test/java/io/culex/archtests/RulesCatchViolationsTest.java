package io.culex.archtests;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * Proves the rules can fail: each is aimed at a fixture package that breaks it
 * (a "domain" doing file I/O, an "application" importing Netty, a "domain" reading the clock).
 */
class RulesCatchViolationsTest {

    private static final String FIXTURES = "io.culex.archtests.fixtures";
    private static final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);

    @Test
    void ioInDomainIsCaught() {
        assertThrows(AssertionError.class, () -> HexagonRules.noIoIn(FIXTURES + ".purity").check(fixtures));
    }

    @Test
    void nettyInApplicationIsCaught() {
        assertThrows(AssertionError.class, () ->
                HexagonRules.applicationDependsOnDomainOnly(FIXTURES + ".netty", FIXTURES + ".purity").check(fixtures));
        assertThrows(AssertionError.class, () ->
                HexagonRules.technologyConfinedTo("io.netty", "io.culex.adapters.netty").check(fixtures));
    }

    @Test
    void clockReadInDomainIsCaught() {
        assertThrows(AssertionError.class, () -> HexagonRules.noClockReadsIn(FIXTURES + ".clock").check(fixtures));
    }

    @Test
    void nonJdkDependencyInDomainIsCaught() {
        assertThrows(AssertionError.class, () -> HexagonRules.domainDependsOnJdkOnly(FIXTURES + ".netty").check(fixtures));
    }
}
