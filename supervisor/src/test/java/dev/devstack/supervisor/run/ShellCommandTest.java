package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void everyServiceStartsInItsOwnSessionWithSigpipeRestoredThroughTheShell() {
        assertThat(ShellCommand.argv("python3 -m http.server $PORT"))
                .containsExactly("setsid", "env", "--default-signal=PIPE", "sh", "-c", "exec python3 -m http.server $PORT");
    }
}
