package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `environments:` chosen with --env, `--set KEY=VALUE`, and what `devstack config` says of each value's origin. */
class EnvironmentsAndSetTest {

    private static final String STACK = """
            services:
              api:
                command: python3 app.py
                env: { DB: dev.sqlite, LEVEL: info }
              web:
                command: python3 web.py
                depends_on: [api]
            environments:
              test:
                range: 40000-40999
                services:
                  api: { env: { DB: test.sqlite } }
              ci:
                services:
                  web: null
            """;

    @TempDir
    Path dir;

    private ProjectFolder stack() {
        return new ProjectFolder(dir).write("ports.yaml", STACK);
    }

    private static Map<String, String> env(StackConfig config, String service) {
        return config.service(service).orElseThrow().env().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().source()));
    }

    @Test
    void withoutAChoiceTheEnvironmentsAreLeftOut() {
        StackConfig config = stack().load();

        assertThat(env(config, "api")).containsEntry("DB", "dev.sqlite");
        assertThat(config.range()).isEqualTo(PortRange.DEFAULT);
        assertThat(config.environment()).isEmpty();
    }

    @Test
    void theChosenEnvironmentIsLaidOverTheFile() {
        StackConfig config = stack().choose("test").load();

        assertThat(env(config, "api")).containsExactlyInAnyOrderEntriesOf(Map.of("DB", "test.sqlite", "LEVEL", "info"));
        assertThat(config.range()).isEqualTo(new PortRange(40000, 40999));
        assertThat(config.environment()).contains("test");
        assertThat(stack().choose("ci").load().services()).extracting(ServiceSpec::name).containsExactly("api");
    }

    @Test
    void anUnknownEnvironmentIsAProblemNamingTheChoiceAndTheNearestName() {
        assertThat(stack().choose("tset").problems()).containsExactly(
                "--env tset: no environment `tset` in ports.yaml; did you mean `test`? (its environments: test, ci)");
        assertThat(new ProjectFolder(dir).write("ports.yaml", "services:\n  a: { command: python3 a.py }\n")
                .choose("test").problems()).containsExactly("--env test: ports.yaml has no `environments:`, so there"
                + " is no environment `test`; add one (docs/configuration.md, \"Environments\") or drop the choice");
    }

    @Test
    void environmentsAreCheckedWhicheverIsChosen() {
        assertThat(new ProjectFolder(dir).write("ports.yaml", """
                services:
                  a: { command: python3 a.py }
                environments:
                  Test: { services: {} }
                  ci: { servces: {} }
                  qa: [a]
                """).problems()).containsExactly(
                "ports.yaml:4:3: `Test` is not a valid environment name: 1 to 40 lower-case letters, digits, _ . and -,"
                        + " starting with a letter or digit",
                "ports.yaml:5:9: unknown key `servces` in environment `ci`; did you mean `services`?",
                "ports.yaml:6:7: environment `qa` must be a mapping of the keys it changes, such as `services:`;"
                        + " got a list");
    }

    @Test
    void setOverridesNumbersTextListsAndRemovesWithNull() {
        StackConfig config = stack().choose("test", "api.port=31900", "api.env.DEBUG=1", "api.env.LEVEL=null",
                "web.command=python3 -m http.server $PORT --bind 127.0.0.1", "web.depends_on=[]", "range=50000-50999")
                .load();

        ServiceSpec api = config.service("api").orElseThrow();
        assertThat(api.port().preferred()).containsExactly(31900);
        assertThat(env(config, "api")).containsExactlyInAnyOrderEntriesOf(Map.of("DB", "test.sqlite", "DEBUG", "1"));
        ServiceSpec web = config.service("web").orElseThrow();
        assertThat(web.command().source()).isEqualTo("python3 -m http.server $PORT --bind 127.0.0.1");
        assertThat(web.dependsOn()).isEmpty();
        assertThat(config.range()).isEqualTo(new PortRange(50000, 50999));
    }

    @Test
    void aWrongSetIsAProblemNamingTheFlag() {
        assertThat(stack().choose(null, "api.prot=9000", "nosuch.port=1", "api.port=ninety", "api", "=1", "range.x=1",
                "api=1").problems()).containsExactly(
                "--set =1: write it as KEY=VALUE, such as `--set api.port=9000` or `--set api.env.DEBUG=1`",
                "--set api: write it as KEY=VALUE, such as `--set api.port=9000` or `--set api.env.DEBUG=1`",
                "--set api.port=ninety: `port` must be a port number, a list of them, `auto` or `none`, got the text"
                        + " 'ninety'",
                "--set api.prot=9000: unknown key `prot` in service `api`; did you mean `port`?",
                "--set api=1: say which key of service `api` to set, such as `--set api.port=9000`",
                "--set nosuch.port=1: there is no service `nosuch`; `--set` changes a service (api, web) or one of"
                        + " project, range, env_file, urls, front_door",
                "--set range.x=1: `range` is a single value; write `--set range=VALUE`");
    }

    @Test
    void extendsIsReadFromTheFilesSoAnEnvironmentOrASetCannotGiveIt() {
        assertThat(new ProjectFolder(dir).write("ports.yaml", """
                services:
                  api: { command: python3 app.py }
                  web: { command: python3 web.py }
                environments:
                  test:
                    services:
                      web: { extends: api }
                """).choose("test", "web.extends=api").problems()).containsExactly(
                "--set web.extends=api: `extends` is read from the files, before `--set` is laid over them; write it"
                        + " in ports.yaml or ports.local.yaml",
                "ports.yaml:7:14: `extends` of service `web` in environment `test`: a service's `extends` is read from"
                        + " the files, before an environment is laid over them; write it in the service itself");
    }

    @Test
    void aSetValueThatLooksLikeAListButIsNoneIsText() {
        StackConfig config = stack().choose(null, "web.command=[ -f web.py ] && python3 web.py").load();

        assertThat(config.service("web").orElseThrow().command().source()).isEqualTo("[ -f web.py ] && python3 web.py");
    }

    @Test
    void configTellsWhereEachValueComesFrom() {
        MergedConfig merged = new ProjectFolder(dir).write("ports.yaml", STACK)
                .write("ports.local.yaml", "services:\n  web: { restart: always }\n")
                .choose("test", "api.port=31900").merged();

        assertThat(merged.files()).containsExactly("ports.yaml", "ports.local.yaml");
        assertThat(merged.environment()).contains("test");
        Map<String, String> origins = merged.settings().stream().collect(Collectors.toMap(
                s -> s.path().stream().map(step -> step.isIndex() ? "#" + step.index() : step.key())
                        .collect(Collectors.joining(".")), ConfigSetting::origin));
        assertThat(origins).containsEntry("project", "default: the project folder's name")
                .containsEntry("range", "ports.yaml:10:12 (environment test)")
                .containsEntry("services.api.command", "ports.yaml:3:14")
                .containsEntry("services.api.env.DB", "ports.yaml:12:25 (environment test)")
                .containsEntry("services.api.port", "--set api.port=31900")
                .containsEntry("services.api.stop_signal", "default")
                .containsEntry("services.api.ready.tcp", "default: the service has a port of its own")
                .containsEntry("services.web.depends_on.#0", "ports.yaml:7:18")
                .containsEntry("services.web.restart", "ports.local.yaml:2:19");
        assertThat(merged.settings()).filteredOn(s -> s.origin().startsWith("--set"))
                .extracting(ConfigSetting::kind, ConfigSetting::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ConfigSetting.Kind.NUMBER, "31900"));
    }

    @Test
    void aPresetsValuesShowItAsTheirOriginAndThePresetKeyIsSpent() {
        MergedConfig merged = new ProjectFolder(dir).write("ports.yaml",
                "services:\n  docs: { command: python3 -m http.server, preset: http.server, stop_signal: INT }\n").merged();

        assertThat(merged.settings()).filteredOn(s -> s.origin().equals("preset http.server"))
                .extracting(s -> s.path().get(s.path().size() - 1).key()).containsExactly("PYTHONUNBUFFERED", "log");
        assertThat(merged.settings()).filteredOn(s -> s.path().get(s.path().size() - 1).key().equals("stop_signal"))
                .extracting(ConfigSetting::text, ConfigSetting::origin)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INT", "ports.yaml:2:78"));
        assertThat(merged.settings()).noneMatch(s -> "preset".equals(s.path().get(s.path().size() - 1).key()));
    }

    @Test
    void configOfAnInvalidConfigurationReportsItsProblems() {
        assertThat(Optional.of(new ProjectFolder(dir).write("ports.yaml", STACK).choose("qa")).map(f -> {
            try {
                f.merged();
                return List.<String>of();
            } catch (dev.devstack.supervisor.DevstackException e) {
                return e.details();
            }
        }).orElseThrow()).containsExactly("--env qa: no environment `qa` in ports.yaml (its environments: test, ci)");
    }
}
