package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A command line that names a command builds that command alone; help and mistakes get them all. */
class SubcommandsTest {

    private static Set<String> built(String... args) {
        return Main.commandLine(CliContext.fromSystem(), args).getSubcommands().keySet();
    }

    @Test
    void theNamedCommandIsTheOnlyOneBuiltWhateverGlobalOptionsComeFirst() {
        assertThat(built("ports", "--json")).containsExactly("ports");
        assertThat(built("-C", "shop", "--env", "test", "--instance", "b", "who", "5000")).containsExactly("who");
        assertThat(built("--set", "api.port=9000", "--set", "range=5000-5999", "up", "--no-tui")).containsExactly("up");
        assertThat(built("--debug", "down")).containsExactly("down");
        assertThat(built("-Cshop", "--dir=shop", "--env=test", "status")).containsExactly("status");
    }

    @Test
    void aValueOfAGlobalOptionIsNotTakenForTheCommand() {
        assertThat(built("-C", "up", "ports")).containsExactly("ports");
        assertThat(built("--instance", "check", "status")).containsExactly("status");
    }

    @Test
    void helpCompletionAndWordsThatAreNoCommandGetEveryCommand() {
        int all = Subcommands.ALL.size();
        assertThat(built()).hasSize(all);
        assertThat(built("--help")).hasSize(all);
        assertThat(built("help", "up")).hasSize(all);
        assertThat(built("completion", "bash")).hasSize(all);
        assertThat(built("chekc")).hasSize(all);
        assertThat(built("-C", "shop", "--", "up")).hasSize(all);
    }

    @Test
    void theFullCommandLineListsTheCommandsInTheOrderOfTheHelp() {
        assertThat(Main.commandLine(CliContext.fromSystem()).getSubcommands().keySet()).startsWith("up", "attach", "status")
                .endsWith("completion", "help").hasSize(Subcommands.ALL.size());
    }
}
