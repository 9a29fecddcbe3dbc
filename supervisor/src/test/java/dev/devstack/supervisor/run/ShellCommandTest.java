package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "python3 app.py --port $PORT",
            "npx vite --port \"$PORT\" --strictPort",
            "sh -c 'echo a; echo b'",
            "node server.js --title \"a | b\"",
            "ruby -e 'puts 1 && 2'"})
    void simpleCommandsAreExecutedInPlaceOfTheShell(String command) {
        assertThat(ShellCommand.isSimple(command)).isTrue();
        assertThat(ShellCommand.script(command)).isEqualTo("exec " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "make build && ./server",
            "echo start; ./server",
            "./server | tee log",
            "./server &",
            "(cd api && ./server)",
            "if true; then ./server; fi",
            "FOO=1 ./server",
            "cd api",
            "echo $(date)",
            "echo `date`",
            "./server\n./other"})
    void compoundCommandsKeepTheirShell(String command) {
        assertThat(ShellCommand.isSimple(command)).isFalse();
        assertThat(ShellCommand.script(command)).isEqualTo(command);
    }

    private static final Map<String, String> PATH = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin");
    private static final Path CWD = Path.of("/tmp");

    @Test
    void everyServiceStartsInItsOwnSessionWithSigpipeRestored() {
        assertThat(ShellCommand.argv("python3 -m http.server $PORT", CWD, PATH))
                .containsExactly("setsid", "env", "--default-signal=PIPE", "sh", "-c", "exec python3 -m http.server $PORT");
    }

    @Test
    void plainWordsNamingAnExecutableNeedNoShell() {
        assertThat(ShellCommand.argv("  sleep 30  ", CWD, PATH))
                .containsExactly("setsid", "env", "--default-signal=PIPE", "sleep", "30");
    }

    @Test
    void builtinsMissingCommandsAndAnythingTheShellWouldExpandKeepTheShell() {
        for (String command : List.of("exit 3", "no-such-command-here --flag", "sleep ~1", "ls *.txt", "echo 'a b'",
                "FOO=1 sleep 1")) {
            assertThat(ShellCommand.argv(command, CWD, PATH)).as(command).contains("sh", "-c");
        }
    }
}
