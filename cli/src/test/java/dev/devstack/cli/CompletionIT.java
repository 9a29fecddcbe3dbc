package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `devstack completion SHELL`, loaded into the real shell: bash (the generated function called as
 * bash's completion calls it), zsh (typing Tab in an interactive zsh in tmux) and fish (`complete
 * -C`). zsh and fish tests need those shells (`.ci/run` installs them); without, they are skipped
 * and say so.
 */
class CompletionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Calls the function `complete -p devstack` names, with the words of the line in $2, as bash does. */
    private static final String BASH_COMPLETE = """
            source "$1" || exit 1
            spec=$(complete -p devstack) || exit 1
            function=${spec##*-F }
            function=${function%% *}
            COMP_LINE=$2
            COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$2"
            [[ $2 == *' ' ]] && COMP_WORDS+=('')
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            "$function" devstack 2>/dev/null
            printf '%s\\n' "${COMPREPLY[@]}"
            """;

    @TempDir
    Path home;
    @TempDir
    Path scratch;

    private Path script(String shell) throws IOException {
        DevstackProcess.Result result = InProcessDevstack.run(scratch, home, "completion", shell);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        return Files.writeString(scratch.resolve("devstack." + shell), result.out());
    }

    @Test
    void bashCompletesCommandsOptionsAndTheirValues() throws Exception {
        Path script = script("bash");

        assertThat(bash(script, "devstack u")).containsExactly("up");
        assertThat(bash(script, "devstack hi")).containsExactly("history");
        assertThat(bash(script, "devstack ports --")).contains("--json", "--dotenv", "--all", "--help", "--dir")
                .doesNotContain("--no-tui");
        assertThat(bash(script, "devstack -C " + scratch + " ports --j")).containsExactly("--json");
        assertThat(bash(script, "devstack completion ")).containsExactly("bash", "zsh", "fish");
    }

    @Test
    void zshLoadsTheBashScriptThroughBashcompinitAndCompletesOnTab() throws Exception {
        assumeTrue(installed("zsh"), "zsh is not installed: its completion cannot be tried");
        assumeTrue(Tmux.installed(), "tmux is not installed: zsh's completion cannot be typed");
        Path script = script("zsh");
        String zsh = "env -i HOME='" + scratch + "' TERM=xterm PATH=/usr/bin:/bin zsh -f";
        try (Tmux tmux = new Tmux(120, 20, zsh)) {
            tmux.sendKeys("source '" + script + "' && echo sourced-$((6 * 7))", "Enter");
            tmux.await(WAIT, "the script loaded", screen -> screen.contains("sourced-42"));

            tmux.sendKeys("devstack u", "Tab");
            tmux.await(WAIT, "`devstack u` completed to `devstack up`", screen -> screen.contains("devstack up"));
            tmux.sendKeys("C-u", "devstack ports --j", "Tab");
            tmux.await(WAIT, "`--j` completed to `--json`", screen -> screen.contains("devstack ports --json"));
        }
    }

    @Test
    void fishCompletesCommandsAndOptionsWithTheirSummariesAndFoldersForDashC() throws Exception {
        assumeTrue(installed("fish"), "fish is not installed: its completion cannot be tried");
        Path script = script("fish");
        Path project = Files.createDirectories(scratch.resolve("projects/shop"));
        Files.createDirectories(scratch.resolve("projects/blog"));
        Files.writeString(scratch.resolve("projects/notes.txt"), "not a folder");

        assertThat(fish(script, "devstack u")).containsExactly(
                "up\t" + HelpIT.spec("up").usageMessage().header()[0]);
        assertThat(fish(script, "devstack ports --")).contains("--json\tPrint JSON (schema in docs/cli.md).")
                .anyMatch(line -> line.startsWith("--all\t")).noneMatch(line -> line.startsWith("--no-tui"));
        assertThat(fish(script, "devstack -C " + scratch.resolve("projects") + "/"))
                .containsExactlyInAnyOrder(scratch.resolve("projects/blog") + "/\tDirectory",
                        scratch.resolve("projects/shop") + "/\tDirectory");
        assertThat(fish(script, "devstack -C " + project + " up --n")).containsExactly(
                "--no-tui\tPrint prefixed log lines instead of the dashboard.");
        assertThat(fish(script, "devstack completion ")).containsExactlyInAnyOrder("bash", "zsh", "fish");
        assertThat(fish(script, "devstack help ")).anyMatch(line -> line.startsWith("who\t"))
                .noneMatch(line -> line.startsWith("help\t"));
        assertThat(fish(script, "devstack kill --signal ")).isEmpty();
    }

    private List<String> bash(Path script, String line) {
        return shell(List.of("bash", "--norc", "--noprofile", "-c", BASH_COMPLETE, "bash", script.toString(), line));
    }

    private List<String> fish(Path script, String line) {
        return shell(List.of("fish", "--no-config", "-c", "source $argv[1]; and complete -C $argv[2]",
                script.toString(), line));
    }

    private List<String> shell(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(scratch.resolve("stderr").toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish within " + WAIT);
            }
            assertThat(process.exitValue()).as("%s: %s", command.get(0), Files.readString(scratch.resolve("stderr")))
                    .isZero();
            return new ArrayList<>(out.lines().filter(l -> !l.isEmpty()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static boolean installed(String shell) {
        try {
            return new ProcessBuilder(shell, "-c", "true").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
