package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnknownCommandTest {

    private static final List<String> COMMANDS = List.of("up", "status", "wait", "ports", "check", "down", "logs",
            "restart", "stop", "start", "kill", "who", "claim", "release", "gc", "run", "history", "completion", "help");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ps         | there is no command `ps`; did you mean `devstack status`?
            ls         | there is no command `ls`; did you mean `devstack status`?
            list       | there is no command `list`; did you mean `devstack status`?
            log        | there is no command `log`; did you mean `devstack logs`?
            restrat    | there is no command `restrat`; did you mean `devstack restart`?
            version    | there is no command `version`; did you mean `devstack --version`?
            chekc      | there is no command `chekc`; did you mean `devstack check`?
            prots      | there is no command `prots`; did you mean `devstack ports`?
            upp        | there is no command `upp`; did you mean `devstack up`?
            ip         | there is no command `ip`
            hist       | there is no command `hist`; did you mean `devstack history`?
            comp       | there is no command `comp`; did you mean `devstack completion`?
            frobnicate | there is no command `frobnicate`
            """)
    void namesTheCommandMeantOrOnlyACloseOne(String word, String error) {
        assertThat(UnknownCommand.explain(word, COMMANDS).get(0)).isEqualTo(error);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ps         | lists the project's services
            frobnicate | `devstack help` lists every command
            """)
    void saysWhatToDoInstead(String word, String next) {
        assertThat(UnknownCommand.explain(word, COMMANDS)).hasSize(2).last().asString().contains(next);
    }
}
