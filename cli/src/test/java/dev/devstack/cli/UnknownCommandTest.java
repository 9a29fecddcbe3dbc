package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnknownCommandTest {

    private static final List<String> COMMANDS = List.of("up", "status", "wait", "ports", "check", "down", "who", "claim", "release",
            "gc", "run", "kill", "history", "completion", "help");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            stop       | there is no command `stop`; did you mean `devstack down`?
            start      | there is no command `start`; did you mean `devstack up`?
            ps         | there is no command `ps`; did you mean `devstack status`?
            ls         | there is no command `ls`; did you mean `devstack status`?
            list       | there is no command `list`; did you mean `devstack status`?
            logs       | there is no `logs` command yet
            restart    | there is no `restart` command
            version    | there is no command `version`; did you mean `devstack --version`?
            chekc      | there is no command `chekc`; did you mean `devstack check`?
            prots      | there is no command `prots`; did you mean `devstack ports`?
            upp        | there is no command `upp`; did you mean `devstack up`?
            ip         | there is no command `ip`
            hist       | there is no command `hist`; did you mean `devstack history`?
            comp       | there is no command `comp`; did you mean `devstack completion`?
            frobnicate | there is no command `frobnicate`
            st         | there is no command `st`; did you mean `devstack status`?
            """)
    void namesTheCommandMeantOrOnlyACloseOne(String word, String error) {
        assertThat(UnknownCommand.explain(word, COMMANDS).get(0)).isEqualTo(error);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            logs       | .devstack/logs/<service>.log
            restart    | press r
            stop       | stops the project's running `devstack up`
            frobnicate | `devstack help` lists every command
            """)
    void saysWhatToDoInstead(String word, String next) {
        assertThat(UnknownCommand.explain(word, COMMANDS)).hasSize(2).last().asString().contains(next);
    }
}
