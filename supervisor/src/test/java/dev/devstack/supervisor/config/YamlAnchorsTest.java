package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anchors, aliases and merge keys, as Compose files use them, and their limits. */
class YamlAnchorsTest {

    @TempDir
    Path dir;

    private ProjectFolder folder() {
        return new ProjectFolder(dir);
    }

    @Test
    void theComposeIdiomOfDefaultsMergedIntoServicesWorks() {
        StackConfig config = folder().write("ports.yaml", """
                x-defaults: &defaults
                  restart: on-failure
                  stop_timeout: 10s
                  depends_on: &deps [db]
                x-env: &env { LOG_LEVEL: debug }
                services:
                  db: { command: ./db, port: 5432 }
                  api:
                    <<: *defaults
                    command: ./api
                    restart: always
                  worker:
                    <<: [*defaults, { env: *env, port: none }]
                    command: ./worker
                  web: { command: ./web, depends_on: *deps }
                """).load();

        ServiceSpec api = config.service("api").orElseThrow();
        assertThat(api.restart().mode()).as("a key written in the mapping wins").isEqualTo(RestartPolicy.Mode.ALWAYS);
        assertThat(api.stop().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(api.dependsOn()).extracting(Dependency::service).containsExactly("db");
        ServiceSpec worker = config.service("worker").orElseThrow();
        assertThat(worker.restart().mode()).isEqualTo(RestartPolicy.Mode.ON_FAILURE);
        assertThat(worker.env()).containsOnlyKeys("LOG_LEVEL");
        assertThat(worker.port()).isEqualTo(PortSpec.none());
        assertThat(config.service("web").orElseThrow().dependsOn()).extracting(Dependency::service)
                .containsExactly("db");
        assertThat(config.services()).extracting(ServiceSpec::name).containsExactly("db", "api", "worker", "web");
    }

    @Test
    void theEarlierOfSeveralMergedMappingsWinsAndAScalarAliasIsItsText() {
        StackConfig config = folder().write("ports.yaml", """
                x-a: &a { port: 4100, stop_signal: INT }
                x-b: &b { port: 4200, stop_timeout: 2s }
                x-cmd: &cmd ./serve --verbose
                services:
                  s: { <<: [*a, *b], command: *cmd }
                """).load();

        ServiceSpec s = config.service("s").orElseThrow();
        assertThat(s.port()).isEqualTo(PortSpec.preferred(List.of(4100)));
        assertThat(s.stop().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.stop().signal().name()).isEqualTo("INT");
        assertThat(s.command().source()).isEqualTo("./serve --verbose");
    }

    @Test
    void aMistakeInAMergedFragmentIsReportedOnceWhereItIsWritten() {
        assertThat(folder().write("ports.yaml", """
                x-defaults: &defaults
                  restart: allways
                services:
                  a: { <<: *defaults, command: ./a }
                  b: { <<: *defaults, command: ./b }
                  c: { <<: 5, command: ./c }
                  d: { <<: *defaults, <<: *defaults, command: ./d }
                """).problems()).containsExactly(
                "ports.yaml:2:12: `restart` must be `no`, `on-failure` or `always`, got `allways`; did you mean `always`?",
                "ports.yaml:6:12: `<<` merges mappings: give it an alias such as `*defaults`, or a list of them; got the"
                        + " number 5",
                "ports.yaml:7:23: `<<` appears twice (first at line 7); merge several mappings with `<<: [*a, *b]`");
    }

    @Test
    void topLevelKeysStartingWithXAreFragmentsAndOtherUnknownKeysStillGetASuggestion() {
        assertThat(folder().write("ports.yaml", """
                x-anything: { whatever: [1, 2] }
                x_fragment: {}
                servics: {}
                services:
                  a: { command: ./a }
                """).problems()).containsExactly(
                "ports.yaml:2:1: unknown key `x_fragment` at the top level (known keys: project, range, env_file,"
                        + " urls, front_door, services)",
                "ports.yaml:3:1: unknown key `servics` at the top level; did you mean `services`?");
    }

    @Test
    void anAliasBombIsRefusedQuicklyAtTheAliasThatPassesTheLimit() {
        StringBuilder bomb = new StringBuilder("services:\n  a: { command: ./a }\nx-0: &l0 [lol, lol, lol, lol, lol,"
                + " lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            bomb.append("x-").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*l" + (level - 1)))).append("]\n");
        }
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();

        List<String> problems = folder().write("ports.yaml", bomb.toString()).problems();

        assertThat(Duration.ofNanos(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu))
                .isLessThan(Duration.ofSeconds(1));
        assertThat(problems).containsExactly("ports.yaml:7:46: with `*l3`, aliases repeat more than 100000 values (an"
                + " alias bomb?); devstack expands at most 100000: use fewer or smaller aliases");
    }

    @Test
    void anAliasToNothingOrToWhatContainsItIsAProblemAtTheAlias() {
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a, depends_on: *deps }\n").problems())
                .containsExactly("ports.yaml:2:34: `*deps` names no anchor; write `&deps` on the value it stands for,"
                        + " before this alias");
        assertThat(folder().write("ports.yaml", "services: &s\n  a: { command: ./a, env: { X: *s } }\n").problems())
                .containsExactly("ports.yaml:2:32: `*s` stands inside the value anchored as `&s`, so it would contain"
                        + " itself; refer to it from outside");
    }

    @Test
    void yamlBooleansKeepTheirSpellingAsTextAndCountAsBooleans() {
        StackConfig config = folder().write("ports.yaml", """
                services:
                  a: { command: ./a, port: 4000, strict: yes, env: { DEBUG: on, QUIET: "no" } }
                  b: { command: ./b, restart: off }
                """).load();

        assertThat(config.service("a").orElseThrow().onConflict()).isEqualTo(OnConflict.FAIL);
        assertThat(config.service("a").orElseThrow().env()).extractingFromEntries(e -> e.getValue().source())
                .containsExactly("on", "no");
        assertThat(config.service("b").orElseThrow().restart().mode()).isEqualTo(RestartPolicy.Mode.NO);
        assertThat(config.envFile()).isEqualTo(Map.of());
    }
}
