package io.culex.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of ../shared/ARCHITECTURE.md, as functions of the packages they guard
 * so that tests can also aim them at deliberately broken fixtures.
 */
final class HexagonRules {

    private HexagonRules() {
    }

    /** domain depends on the JDK alone, and on no I/O. */
    static ArchRule domainDependsOnJdkOnly(String domainPackage) {
        return classes().that().resideInAPackage(domainPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(domainPackage + "..", "java..")
                .because("the domain is the pure model: JDK only");
    }

    /** application depends on domain, the JDK (javax.crypto for password hashes) and Caffeine (for caches) only. */
    static ArchRule applicationDependsOnDomainOnly(String applicationPackage, String domainPackage) {
        return classes().that().resideInAPackage(applicationPackage + "..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(applicationPackage + "..", domainPackage + "..", "java..", "javax.crypto..",
                        "com.github.benmanes.caffeine..")
                .because("use cases know nothing of transports or storage technologies");
    }

    /** No file, socket or path I/O in the given core package. */
    static ArchRule noIoIn(String corePackage) {
        return noClasses().that().resideInAPackage(corePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..")
                .because("I/O belongs to adapters");
    }

    /** Time comes through a Clock port, never from the system clock. */
    static ArchRule noClockReadsIn(String domainPackage) {
        return noClasses().that().resideInAPackage(domainPackage + "..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .because("the domain reads time through a Clock port so it stays testable");
    }

    /** A technology's types stay inside the adapter that owns it. */
    static ArchRule technologyConfinedTo(String technologyPackage, String adapterPackage) {
        return noClasses().that().resideOutsideOfPackage(adapterPackage + "..")
                .should().dependOnClassesThat().resideInAPackage(technologyPackage + "..")
                .because(technologyPackage + " types never leave " + adapterPackage);
    }

    /** Netty's MQTT codec lacks the broker's validation: main code uses our own codec only. */
    static ArchRule nettyMqttCodecNotUsed() {
        return noClasses().should().dependOnClassesThat().resideInAPackage("io.netty.handler.codec.mqtt..")
                .because("Culex validates packets with its own codec (netty#17096, netty#16776)");
    }

    /** No adapter depends on another adapter, nor on bootstrap. */
    static ArchRule adaptersIndependent(String adapterPackage, String... otherPackages) {
        return noClasses().that().resideInAPackage(adapterPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(otherPackages)
                .because("adapters are interchangeable: each depends on application/domain only");
    }

    static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(**)").should().beFreeOfCycles();
    }
}
