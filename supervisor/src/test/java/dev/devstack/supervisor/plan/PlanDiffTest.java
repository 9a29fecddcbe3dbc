package dev.devstack.supervisor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.PortRefusal;
import dev.devstack.supervisor.config.ConfigLoader;
import dev.devstack.supervisor.config.StackConfig;
import java.util.OptionalInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a reload would start, stop, restart and leave alone, for pairs of configurations. */
class PlanDiffTest {

    /** db, an api that depends on it, and a worker that depends on nothing: every unit sees DB_PORT and API_PORT. */
    private static final String STACK = """
            services:
              db: { command: ./db, port: 5432 }
              api: { command: ./api, port: 3000, depends_on: [db] }
              worker: { command: ./worker, port: none }
            """;

    /** The same, with a worker that refers to db's URL without depending on it. */
    private static final String REFERRING = STACK.replace("./worker, port: none",
            "\"./worker --db ${db.url}\", port: none");

    @TempDir
    Path dir;

    /** name | before | after | added | removed | changed | unchanged */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("the same file", STACK, STACK, "", "", "", "db api worker"),
                Arguments.of("a service written above the others moves their lines, nothing else", STACK, """
                        services:
                          cache: { command: ./cache, port: 6379 }
                          db: { command: ./db, port: 5432 }
                          api: { command: ./api, port: 3000, depends_on: [db] }
                          worker: { command: ./worker, port: none }
                        """, "cache", "", "", "db api worker"),
                Arguments.of("a removed service that nothing depends on", STACK, """
                        services:
                          db: { command: ./db, port: 5432 }
                          api: { command: ./api, port: 3000, depends_on: [db] }
                        """, "", "worker", "", "db api"),
                Arguments.of("a changed command", STACK, STACK.replace("./worker", "./worker --fast"),
                        "", "", "worker", "db api"),
                Arguments.of("a moved port restarts what depends on it, not what only sees it in its environment",
                        STACK, STACK.replace("5432", "5433"), "", "", "db api", "worker"),
                Arguments.of("a moved port restarts what refers to it", REFERRING, REFERRING.replace("5432", "5433"),
                        "", "", "db api worker", ""),
                Arguments.of("a port spec that still allows the port given keeps it", STACK,
                        STACK.replace("port: 5432", "port: [5432, 5433]"), "", "", "", "db api worker"),
                Arguments.of("a new dependency", STACK, STACK.replace("./worker, port: none",
                        "./worker, port: none, depends_on: [db]"), "", "", "worker", "db api"),
                Arguments.of("a changed health check", STACK, STACK.replace("./db, port: 5432",
                        "./db, port: 5432, health: { tcp: true, interval: 2s }"), "", "", "db", "api worker"),
                Arguments.of("an environment value", STACK, STACK.replace("./worker, port: none",
                        "./worker, port: none, env: { LEVEL: debug }"), "", "", "worker", "db api"),
                Arguments.of("more replicas start beside the running ones; a dependent sees API_PORTS change", """
                        services:
                          api: { command: ./api, port: 3000, scale: 2 }
                          web: { command: ./web, port: 4000, depends_on: [api] }
                          worker: { command: ./worker, port: none }
                        """, """
                        services:
                          api: { command: ./api, port: 3000, scale: 3 }
                          web: { command: ./web, port: 4000, depends_on: [api] }
                          worker: { command: ./worker, port: none }
                        """, "api.2", "", "web", "api.0 api.1 worker"),
                Arguments.of("fewer replicas", """
                        services:
                          api: { command: ./api, port: 3000, scale: 3 }
                          worker: { command: ./worker, port: none }
                        """, """
                        services:
                          api: { command: ./api, port: 3000, scale: 2 }
                          worker: { command: ./worker, port: none }
                        """, "", "api.2", "", "api.0 api.1 worker"),
                Arguments.of("one replica becomes two units with other names", """
                        services:
                          api: { command: ./api, port: 3000 }
                        """, """
                        services:
                          api: { command: ./api, port: 3000, scale: 2 }
                        """, "api.0 api.1", "api", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void comparesEveryUnit(String name, String before, String after, String added, String removed, String changed,
                           String unchanged) throws IOException {
        StackPlan earlier = plan(before);
        StackPlan later = plan(after);

        PlanDiff diff = PlanDiff.between(earlier, later);

        assertThat(diff).isEqualTo(new PlanDiff(units(added), units(removed), units(changed), units(unchanged)));
    }

    private StackPlan plan(String yaml) throws IOException {
        Files.writeString(dir.resolve("ports.yaml"), yaml);
        Map<String, String> user = Map.of("HOME", "/home/dev");
        StackConfig config = new ConfigLoader(user).load(dir);
        PortPlan ports = new PortPlanner(new FakeProbe(), port -> new PortRefusal.Unseen(), EarlierRuns.NONE)
                .plan(config, "default", new MemoryRegistry(), lease -> true, false);
        return new StackPlan(config, "default", ports, new EnvironmentBuilder(user, OptionalInt.empty()).build(config, "default", ports));
    }

    private static List<String> units(String names) {
        return names.isEmpty() ? List.of() : List.of(names.split(" "));
    }
}
