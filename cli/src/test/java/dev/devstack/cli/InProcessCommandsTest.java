package dev.devstack.cli;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.devstack.app.UpSession;
import org.junit.jupiter.api.Test;

/**
 * What {@link InProcessDevstack} relies on: of all commands only `up`, `run` and `logs` (for `-f`,
 * whose Ctrl-C ends it with 0) touch the JVM they run in (signal handlers, the immediate exit, an
 * up session with its reaper and shutdown hook), so every other command may run inside the test's
 * JVM and leave it as it found it.
 */
class InProcessCommandsTest {

    @Test
    void onlyUpRunLogsAndAgentRunTouchTheJvmTheyRunIn() {
        JavaClasses cli = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.devstack.cli");

        noClasses().that(belongToAnyOf(UpCommand.class, RunCommand.class, LogsCommand.class, AgentRunCommand.class,
                        StopSignals.class, ImmediateExit.class).negate())
                .should().dependOnClassesThat(belongToAnyOf(StopSignals.class, ImmediateExit.class, UpSession.class))
                .orShould().callMethod(Runtime.class, "addShutdownHook", Thread.class)
                .because("InProcessDevstack runs every command but up, run, logs -f and agent run in the test's JVM")
                .check(cli);
    }
}
