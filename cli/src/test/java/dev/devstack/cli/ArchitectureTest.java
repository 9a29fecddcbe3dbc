package dev.devstack.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The layering of docs/architecture.md, checked on the main classes of every module (cli's tests see them all). */
class ArchitectureTest {

    private static JavaClasses devstack;

    @BeforeAll
    static void importMainClasses() {
        devstack = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.devstack");
    }

    static Stream<ArchRule> rules() {
        return ArchitectureRules.all("dev.devstack").stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void holds(ArchRule rule) {
        rule.check(devstack);
    }
}
