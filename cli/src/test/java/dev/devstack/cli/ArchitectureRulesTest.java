package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The rules bite: on a small tree of classes (dev.devstack.archfixture, in the test sources) with
 * one violation of each kind, each rule reports its violation and nothing else.
 */
class ArchitectureRulesTest {

    private static final String ROOT = "dev.devstack.archfixture";
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

    @Test
    void aTuiClassImportingTheStoreBreaksTheDirectionAndTheDashboardsInterfaces() {
        assertThat(report(ArchitectureRules.dashboardThroughInterfaces(ROOT).evaluate(FIXTURE)))
                .contains("Bad", "archfixture.store.Lease").doesNotContain("Screen");
        assertThat(report(ArchitectureRules.direction(ROOT).evaluate(FIXTURE)))
                .contains("tui.Bad", "archfixture.store.Lease");
    }

    @Test
    void aLowerPackageUsingAHigherOneBreaksTheDirection() {
        assertThat(report(ArchitectureRules.direction(ROOT).evaluate(FIXTURE)))
                .contains("plan.Planner", "run.Quits");
    }

    @Test
    void exitingBelowCliIsReported() {
        assertThat(report(ArchitectureRules.exitOnlyInCli(ROOT).evaluate(FIXTURE)))
                .contains("Quits", "System.exit(int)");
    }

    @Test
    void twoPackagesThatUseEachOtherAreACycle() {
        assertThat(report(ArchitectureRules.noCycles(ROOT).evaluate(FIXTURE)))
                .contains("Cycle detected", "supervisor.plan", "supervisor.run");
    }

    @Test
    void theTuiClassThatUsesOnlyTheModelIsFine() {
        assertThat(report(ArchitectureRules.direction(ROOT).evaluate(FIXTURE))).doesNotContain("tui.Screen");
    }

    private static String report(EvaluationResult result) {
        assertThat(result.hasViolation()).as("the rule finds the violation in the fixture").isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
