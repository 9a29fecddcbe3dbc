package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.supervisor.DevstackException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSelectionTest {

    @TempDir
    Path dir;

    private StackConfig config() {
        return new ProjectFolder(dir).write("ports.yaml", """
                services:
                  db: { command: ./db }
                  migrate: { command: ./migrate, port: none, oneshot: true, depends_on: [db] }
                  api: { command: ./api, depends_on: [migrate] }
                  ws: { command: ./ws, inherit_port: api }
                  web: { command: "./web ${api.url}", depends_on: [api] }
                  admin: { command: "./admin ${web.url}" }
                  worker: { command: ./worker, port: none }
                """).load();
    }

    @Test
    void theNamedServicesComeWithEverythingTheyDependOnAndNothingElse() {
        assertThat(StackSelection.select(config(), Selection.of(List.of("web"))).services()).extracting(ServiceSpec::name)
                .containsExactly("db", "migrate", "api", "web");
        assertThat(StackSelection.select(config(), Selection.of(List.of("ws", "worker"))).services()).extracting(ServiceSpec::name)
                .containsExactly("db", "migrate", "api", "ws", "worker");
        assertThat(StackSelection.select(config(), Selection.of(List.of()))).isEqualTo(config());
    }

    @Test
    void anUnknownNameIsAConfigurationErrorWithASuggestion() {
        assertThatThrownBy(() -> StackSelection.select(config(), Selection.of(List.of("wbe"))))
                .isInstanceOfSatisfying(DevstackException.class, e -> assertThat(e.details()).containsExactly(
                        "there is no service `wbe` in ports.yaml; did you mean `web`? (services: db, migrate, api, ws,"
                                + " web, admin, worker)"));
    }

    @Test
    void aReferenceToAServiceThatWouldNotRunIsRefused() {
        assertThatThrownBy(() -> StackSelection.select(config(), Selection.of(List.of("admin"))))
                .isInstanceOfSatisfying(DevstackException.class, e -> assertThat(e.details()).containsExactly(
                        "ports.yaml:7:21: `admin` refers to ${web.url}, but `web` would not run; name it too, or add it"
                                + " to `admin`'s depends_on"));
    }
}
