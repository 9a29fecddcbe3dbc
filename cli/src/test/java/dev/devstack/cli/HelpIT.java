package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/**
 * Help as a new user asks for it (`-h`, `--help`, `devstack help COMMAND`), and what a mistyped
 * or guessed command gets, through the built jar. The commands come from devstack's own command
 * model, so a command added later is checked too.
 */
class HelpIT {

    @TempDir
    Path home;
    @TempDir
    Path dir;

    /** Every command below devstack, as typed after `devstack` (`up`, `help`, …). */
    static Stream<String> commands() {
        List<String> commands = new ArrayList<>();
        collect(Main.commandLine(CliContext.fromSystem()).getCommandSpec(), commands);
        return commands.stream();
    }

    private static void collect(CommandSpec command, List<String> into) {
        command.subcommands().values().stream().map(CommandLine::getCommandSpec).distinct().forEach(sub -> {
            into.add(sub.qualifiedName().substring("devstack ".length()));
            collect(sub, into);
        });
    }

    static CommandSpec spec(String command) {
        CommandLine line = Main.commandLine(CliContext.fromSystem());
        for (String word : command.split(" ")) {
            line = line.getSubcommands().get(word);
        }
        return line.getCommandSpec();
    }

    private DevstackProcess.Result devstack(String... args) {
        return InProcessDevstack.run(dir, home, args);
    }

    @Test
    void theCommandsComeFromDevstacksModel() {
        assertThat(commands()).contains("up", "who", "kill", "release", "completion", "help").hasSizeGreaterThan(12);
    }

    @ParameterizedTest(name = "devstack {0} --help, -h")
    @MethodSource("commands")
    void everyCommandPrintsItsHelpOnStdoutAndExitsZeroEvenWithoutItsRequiredArguments(String command) {
        String header = spec(command).usageMessage().header()[0];
        for (String flag : List.of("--help", "-h")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add(flag);

            DevstackProcess.Result result = devstack(args.toArray(String[]::new));

            assertThat(result.exitCode()).as("devstack %s %s: %s", command, flag, result.err()).isZero();
            assertThat(result.out()).as("devstack %s %s", command, flag)
                    .startsWith(header + "\n\nUsage: devstack " + command + " ").contains("\nOptions:\n", flag);
            assertThat(result.err()).isEmpty();
        }
    }

    @Test
    void theTopHelpListsEveryCommandWithItsWholeOneLineSummary() {
        DevstackProcess.Result result = devstack("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: devstack ").contains("`devstack help COMMAND`");
        commands().filter(command -> !command.contains(" ")).forEach(command -> {
            String header = spec(command).usageMessage().header()[0];
            assertThat(header).as("%s's summary is a sentence", command).matches("[A-Z].*\\.");
            assertThat(result.out().lines()).as("%s's line in the command list", command)
                    .anyMatch(line -> line.matches("  " + command + " +" + Pattern.quote(header)));
        });
    }

    @Test
    void helpCommandPrintsTheSameHelpAsDashDashHelp() {
        DevstackProcess.Result helpUp = devstack("help", "up");
        DevstackProcess.Result help = devstack("help");

        assertThat(helpUp.exitCode()).isZero();
        assertThat(helpUp.out()).isEqualTo(devstack("up", "--help").out()).contains("--exit-on-failure");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).isEqualTo(devstack("--help").out());
    }

    @Test
    void aRequiredArgumentLeftOutIsAUsageErrorThatShowsTheSynopsis() {
        DevstackProcess.Result result = devstack("who");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("devstack: Missing required parameter: 'PORT'\n")
                .contains("  usage: devstack who [-h] ", "  `devstack who --help` explains each option");
    }

    @Test
    void devstackWithoutACommandShowsTheHelpOnStderrAsAUsageError() {
        DevstackProcess.Result result = devstack();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Usage: devstack ").contains("Commands:", "  up ");
    }

    @Test
    void commandsOfOtherToolsAreAnsweredWithDevstacksOwn() {
        assertUnknown(List.of("log"), "there is no command `log`; did you mean `devstack logs`?");
        assertUnknown(List.of("ps"), "there is no command `ps`; did you mean `devstack status`?");
        assertUnknown(List.of("help", "ps"), "there is no command `ps`; did you mean `devstack status`?");
    }

    @Test
    void aMisspeltCommandOrOptionGetsOnlyACloseSuggestion() {
        assertUnknown(List.of("chekc"), "there is no command `chekc`; did you mean `devstack check`?");
        assertUnknown(List.of("-C", dir.toString(), "frobnicate"),
                "there is no command `frobnicate`\n  `devstack help` lists every command\n");
        assertUnknown(List.of("up", "--no-tu"), "`devstack up` has no option `--no-tu`; did you mean `--no-tui`?");
        assertUnknown(List.of("ports", "--verbose"), "`devstack ports` has no option `--verbose`\n"
                + "  `devstack ports --help` lists its options\n");
    }

    private void assertUnknown(List<String> args, String error) {
        DevstackProcess.Result result = devstack(args.toArray(String[]::new));

        assertThat(result.exitCode()).as("devstack %s", args).isEqualTo(2);
        assertThat(result.out()).as("devstack %s", args).isEmpty();
        assertThat(result.err()).as("devstack %s", args).startsWith("devstack: " + error).doesNotContain("history");
    }
}
