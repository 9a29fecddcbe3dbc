package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.supervisor.DevstackException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `profiles:` and `up --profile`: services in a profile start only when it is chosen, or when needed. */
class ProfilesTest {

    @TempDir
    Path dir;

    private StackConfig config() {
        return new ProjectFolder(dir).write("ports.yaml", """
                services:
                  db: { command: ./db }
                  api: { command: ./api, depends_on: [db] }
                  queue: { command: ./queue, profiles: [workers] }
                  worker: { command: ./worker, port: none, depends_on: [queue], profiles: [workers, backend] }
                  docs: { command: ./docs, profiles: [tools] }
                """).load();
    }

    private static List<String> names(StackConfig config) {
        return config.services().stream().map(ServiceSpec::name).toList();
    }

    @Test
    void withoutAProfileOnlyTheServicesWithoutOneStart() {
        assertThat(names(StackSelection.select(config(), Selection.DEFAULT))).containsExactly("db", "api");
    }

    @Test
    void aChosenProfileAddsItsServicesAndWhatTheyNeedWhateverTheirProfile() {
        assertThat(names(StackSelection.select(config(), new Selection(List.of(), List.of("backend")))))
                .containsExactly("db", "api", "queue", "worker");
        assertThat(names(StackSelection.select(config(), new Selection(List.of(), List.of("tools", "workers")))))
                .containsExactly("db", "api", "queue", "worker", "docs");
    }

    @Test
    void aNamedServiceStartsWhateverItsProfileAndOnlyWhatItNeedsBesides() {
        assertThat(names(StackSelection.select(config(), Selection.of(List.of("docs"))))).containsExactly("docs");
        assertThat(names(StackSelection.select(config(), new Selection(List.of("api"), List.of("tools")))))
                .containsExactly("db", "api", "docs");
    }

    @Test
    void anUnknownProfileIsRefusedWithTheNearestAndTheOnesThereAre() {
        assertThatThrownBy(() -> StackSelection.select(config(), new Selection(List.of(), List.of("worker"))))
                .isInstanceOfSatisfying(DevstackException.class, e -> assertThat(e.details()).containsExactly(
                        "--profile worker: no service of ports.yaml has that profile; did you mean `workers`?"
                                + " (profiles: workers, backend, tools)"));
        StackConfig plain = new ProjectFolder(dir.resolve("plain")).write("ports.yaml",
                "services:\n  a: { command: ./a }\n").load();
        assertThatThrownBy(() -> StackSelection.select(plain, new Selection(List.of(), List.of("tools"))))
                .isInstanceOfSatisfying(DevstackException.class, e -> assertThat(e.details()).containsExactly(
                        "--profile tools: no service of ports.yaml has that profile (no service has `profiles:`)"));
    }

    @Test
    void profilesMustBeAListOfNames() {
        assertThat(new ProjectFolder(dir).write("ports.yaml", """
                services:
                  a: { command: ./a, profiles: tools }
                  b: { command: ./b, profiles: [ok, "not ok", ok] }
                """).problems()).containsExactly(
                "ports.yaml:2:32: `profiles` must be a list of profile names, e.g. `profiles: [backend]`, got the text"
                        + " 'tools'",
                "ports.yaml:3:37: profile `not ok` of service `b`: a profile's name is letters, digits, `_`, `.` and"
                        + " `-`, starting with a letter or digit",
                "ports.yaml:3:47: profile `ok` is named twice in service `b`");
    }
}
