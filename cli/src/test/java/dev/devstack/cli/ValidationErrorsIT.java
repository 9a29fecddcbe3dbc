package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.testing.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every class of configuration error, through the real command: its message, exit code 2, no stack trace. */
class ValidationErrorsIT {

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed YAML      | services:\\n  api: { command: [x }\\n                     | ports.yaml:2:
            unknown key         | services:\\n  api: { comand: x }\\n                       | ports.yaml:2:10: unknown key `comand` in service `api`; did you mean `command`?
            wrong type          | services:\\n  api: { command: x, strict: maybe }\\n       | ports.yaml:2:30: `strict` must be true or false
            unknown dependency  | services:\\n  api: { command: x, depends_on: [db] }\\n    | ports.yaml:2:35: service `api` depends on `db`, which is not defined
            dependency cycle    | services:\\n  a: { command: x, depends_on: [b] }\\n  b: { command: x, depends_on: [a] }\\n | dependency cycle: a → b → a
            port out of range   | services:\\n  api: { command: x, port: 70000 }\\n         | ports.yaml:2:28: `port`: 70000 is not a port; ports are 1-65535
            privileged port     | services:\\n  api: { command: x, port: 80 }\\n            | port 80 is privileged (below 1024)
            strict port twice   | services:\\n  a: { command: x, port: 5432, strict: true }\\n  b: { command: x, port: 5432, strict: true }\\n | services `a` and `b` both insist on port 5432 (strict or on_conflict)
            empty command       | services:\\n  api: { command: '' }\\n                     | ports.yaml:2:19: `command` is empty
            bad range           | range: 9000-8000\\nservices:\\n  api: { command: x }\\n   | ports.yaml:1:8: `range` 9000-8000 must go from a lower to a higher port
            """)
    void everyKindOfConfigurationErrorExitsWithTwoAndSaysWhere(String kind, String yaml, String expected) {
        new TestProject(projectDir).write("ports.yaml", yaml.replace("\\n", "\n"));

        for (String command : new String[] {"check", "up"}) {
            DevstackProcess.Result result = InProcessDevstack.run(projectDir, home, command);

            assertThat(result.exitCode()).as(command + ": " + result.err()).isEqualTo(2);
            assertThat(result.err()).as(command).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(result.out()).as(command).isEmpty();
        }
    }
}
