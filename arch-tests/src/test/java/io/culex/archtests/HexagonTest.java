package io.culex.archtests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the production code of every module against the hexagon's rules. */
class HexagonTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.culex");
    }

    @Test
    void importedEveryModule() {
        for (String module : new String[] {"io.culex.domain", "io.culex.application", "io.culex.adapters.netty",
                "io.culex.bootstrap"}) {
            if (production.stream().noneMatch(c -> c.getPackageName().startsWith(module))) {
                throw new AssertionError("no classes imported from " + module + ": the rules would pass vacuously");
            }
        }
    }

    @Test
    void domainIsPure() {
        HexagonRules.domainDependsOnJdkOnly("io.culex.domain").check(production);
        HexagonRules.noIoIn("io.culex.domain").check(production);
        HexagonRules.noClockReadsIn("io.culex.domain").check(production);
    }

    @Test
    void applicationDependsOnDomainOnlyAndDoesNoIo() {
        HexagonRules.applicationDependsOnDomainOnly("io.culex.application", "io.culex.domain").check(production);
        HexagonRules.noIoIn("io.culex.application").check(production);
    }

    @Test
    void technologiesStayInTheirAdapters() {
        HexagonRules.technologyConfinedTo("io.netty", "io.culex.adapters.netty").check(production);
        HexagonRules.technologyConfinedTo("org.rocksdb", "io.culex.adapters.rocksdb").check(production);
        HexagonRules.technologyConfinedTo("java.sql", "io.culex.adapters.file").check(production);
        HexagonRules.technologyConfinedTo("org.sqlite", "io.culex.adapters.file").check(production);
        HexagonRules.nettyMqttCodecNotUsed().check(production);
    }

    @Test
    void adaptersDoNotDependOnEachOtherOrOnBootstrap() {
        HexagonRules.adaptersIndependent("io.culex.adapters.netty",
                "io.culex.adapters.rocksdb..", "io.culex.adapters.file..", "io.culex.bootstrap..").check(production);
        HexagonRules.adaptersIndependent("io.culex.adapters.rocksdb",
                "io.culex.adapters.netty..", "io.culex.adapters.file..", "io.culex.bootstrap..").check(production);
        HexagonRules.adaptersIndependent("io.culex.adapters.file",
                "io.culex.adapters.netty..", "io.culex.adapters.rocksdb..", "io.culex.bootstrap..").check(production);
    }

    @Test
    void noPackageCycles() {
        HexagonRules.noPackageCycles("io.culex").check(production);
    }
}
