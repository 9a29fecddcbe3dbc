package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellCommandTest {

    private static final ShellCommand.Stdin PIPE = new ShellCommand.Stdin.Pipe("/proc/1/fd/9");

    @ParameterizedTest
    @ValueSource(strings = {
            "python3 app.py --port $PORT",
            "npx vite --port \"$PORT\" --strictPort",
            "sh -c 'echo a; echo b'",
            "node server.js --title \"a | b\"",
            "ruby -e 'puts 1 && 2'",
            "echo hello",
            "kill -0 1",
            "true"})
    void simpleCommandsAreExecutedInPlaceOfTheShell(String command) {
        assertThat(ShellCommand.isSimple(command)).isTrue();
        assertThat(ShellCommand.script(command, PIPE)).endsWith("\nexec " + command);
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
            "exit 1",
            "exit",
            "read line",
            "wait",
            ": nothing",
            "ulimit -n 4096",
            "trap '' INT",
            "eval ./server",
            "export A=1",
            "echo $(date)",
            "echo `date`",
            "./server\n./other"})
    void compoundCommandsKeepTheirShell(String command) {
        assertThat(ShellCommand.isSimple(command)).isFalse();
        assertThat(ShellCommand.script(command, PIPE)).endsWith("\n" + command).doesNotContain("exec " + command);
    }

    @Test
    void everyServiceStartsInItsOwnSessionWithEverySignalAtItsDefaultThroughTheShell() {
        assertThat(ShellCommand.argv("python3 -m http.server $PORT", PIPE)).startsWith("setsid", "env",
                "--default-signal", "sh", "-c").last().asString().endsWith("\nexec python3 -m http.server $PORT");
    }

    @Test
    void theLifelineIsMovedOffTheServicesStdinBeforeTheServiceStarts() {
        String script = ShellCommand.script("./server", PIPE);

        assertThat(script.lines()).containsExactly(
                "exec 3<&0; { command exec </proc/1/fd/9; } 2>/dev/null || { echo '" + ShellCommand.noPipe(
                        (ShellCommand.Stdin.Pipe) PIPE) + "' >&2; exec </dev/null; }",
                LIFELINE,
                "exec 3<&-",
                "exec ./server");
    }

    @Test
    void aTerminalBecomesStdinStdoutAndStderrOnlyAfterTheLifelineIsStarted() {
        String script = ShellCommand.script("./repl", new ShellCommand.Stdin.Terminal("/dev/pts/7"));

        assertThat(script.lines()).containsExactly(
                "exec 3<&0 </dev/null",
                LIFELINE,
                "exec 3<&-",
                "exec 0<>/dev/pts/7 >&0 2>&0",
                "exec ./repl");
    }

    private static final String LIFELINE = "sh -c 'trap \"\" INT TERM HUP; while read -r _; do :; done; while read -r"
            + " _ _ _ parent _ </proc/$$/stat && [ \"$parent\" = " + ProcessHandle.current().pid() + " ]; do sleep 1;"
            + " done; kill -TERM 0; sleep 1; kill -KILL 0' devstack-lifeline <&3 >/dev/null 2>&1 &";

    @Test
    void aServiceWhoseInputPipeCannotBeOpenedSaysSoOnItsStderrAndReadsNothing() throws Exception {
        ShellCommand.Stdin.Pipe gone = new ShellCommand.Stdin.Pipe("/proc/" + ProcessHandle.current().pid() + "/fd/999999");
        Process service = new ProcessBuilder(ShellCommand.argv("cat", gone)).start();
        try {
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("cat ends at once on /dev/null").isTrue();
            assertThat(new String(service.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(ShellCommand.noPipe(gone) + "\n");
            assertThat(service.exitValue()).isZero();
        } finally {
            // the lifeline watcher is left in the service's group (pgid = its pid, by setsid)
            new ProcessBuilder("kill", "-KILL", "--", "-" + service.pid()).start().waitFor(30, TimeUnit.SECONDS);
            service.getOutputStream().close();
        }
    }
}
