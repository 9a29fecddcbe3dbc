package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `devstack logs` against one real `up --no-tui`: the last lines of a service, prefixed as `up`
 * prints them; --since; --json against the stack-event schema; -f until Ctrl-C. The stack is shared
 * by the tests, which only read it (the one that restarts waits for the new lines before it ends).
 */
class LogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMAS = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize()
            .resolve("docs/schema");
    /** The pause between api's early and late lines: --since falls inside it. */
    private static final int PAUSE_SECONDS = 4;

    @TempDir
    static Path home;
    @TempDir
    static Path projectDir;

    private static BackgroundUp stack;

    @BeforeAll
    static void startTheStack() {
        String early = IntStream.rangeClosed(1, 8).mapToObj(i -> "--print api-" + i).reduce((a, b) -> a + " " + b).get();
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: "%s", ready: { log: "api-late" } }
                  web: { command: "%s" }
                """.formatted(service(early + " --delay " + PAUSE_SECONDS + " --print api-late --listen"),
                service("--print web-up --listen")));
        stack = BackgroundUp.start(projectDir, home);
    }

    @AfterAll
    static void stopTheStack() {
        stack.close();
    }

    private DevstackProcess.Result devstack(String... args) {
        return InProcessDevstack.run(projectDir, home, args);
    }

    @Test
    void theLastLinesOfOneServicePrefixedAsUpPrintsThem() {
        DevstackProcess.Result logs = devstack("logs", "-n", "5", "api");

        assertThat(logs.exitCode()).as(logs.err()).isZero();
        List<String> lines = logs.out().lines().toList();
        assertThat(lines).hasSize(5);
        List<String> expected = List.of("api-5", "api-6", "api-7", "api-8", "api-late");
        for (int i = 0; i < 5; i++) {
            assertThat(lines.get(i)).matches("\\d\\d:\\d\\d:\\d\\d api    \\| " + expected.get(i));
            assertThat(stack.up().out()).contains(lines.get(i));
        }
    }

    @Test
    void everyServiceByDefaultInTheOrderTheyPrinted() {
        DevstackProcess.Result logs = devstack("logs");

        assertThat(logs.exitCode()).as(logs.err()).isZero();
        List<String> lines = logs.out().lines().map(line -> line.substring(9)).toList();
        assertThat(lines).contains("api    | api-1", "api    | api-late", "web    | web-up");
        assertThat(lines.indexOf("api    | api-1")).isLessThan(lines.indexOf("api    | api-late"));
    }

    @Test
    void sinceLeavesOutWhatCameBefore() {
        List<JsonNode> lines = json(devstack("logs", "--json", "api").out());
        Instant early = Instant.parse(lines.get(7).path("at").asText());
        assertThat(lines.get(7).path("line").asText()).isEqualTo("api-8");
        Duration sinceHalfThePause = Duration.between(early.plusSeconds(PAUSE_SECONDS).minusMillis(PAUSE_SECONDS * 500L),
                Instant.now());

        DevstackProcess.Result since = devstack("logs", "--since", sinceHalfThePause.toMillis() + "ms");

        assertThat(since.exitCode()).as(since.err()).isZero();
        assertThat(since.out()).contains("api    | api-late").doesNotContain("api-8");
    }

    @Test
    void jsonIsOneStackEventPerLineThatTheSchemaAccepts() throws IOException {
        DevstackProcess.Result logs = devstack("logs", "--json", "-n", "3");

        assertThat(logs.exitCode()).as(logs.err()).isZero();
        List<JsonNode> lines = json(logs.out());
        assertThat(lines).hasSize(3);
        Schema schema;
        try (InputStream file = Files.newInputStream(SCHEMAS.resolve("stack-event.schema.json"))) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(file);
        }
        for (JsonNode line : lines) {
            List<Error> errors = schema.validate(line);
            assertThat(errors).as("%s", line).isEmpty();
            assertThat(line.path("event").asText()).isEqualTo("output");
            assertThat(line.path("source").asText()).isEqualTo("stdout");
        }
        assertThat(lines.get(2).path("service").asText()).isIn("api", "web");
    }

    @Test
    void anUnknownServiceIsTheStacksRefusal() {
        DevstackProcess.Result logs = devstack("logs", "nope");

        assertThat(logs.exitCode()).isEqualTo(1);
        assertThat(logs.out()).isEmpty();
        assertThat(logs.err()).isEqualTo("devstack: no service of this stack is called \"nope\"; it has: api, web\n");
    }

    @Test
    void followSeesTheLinesOfARestartAndCtrlCEndsItWithZero() {
        try (DevstackProcess follow = DevstackProcess.start(projectDir, home, "logs", "-f", "-n", "1", "web")) {
            long before = stack.service("web").pid().orElseThrow();
            follow.awaitOutput("web    | web-up", BackgroundUp.WAIT);

            DevstackProcess.Result restart = devstack("restart", "web");

            assertThat(restart.exitCode()).as(restart.err()).isZero();
            Await.until(BackgroundUp.WAIT, "the restarted web's line; so far:\n" + follow.out(),
                    () -> follow.out().lines().filter(line -> line.endsWith("web    | web-up")).count() == 2);
            assertThat(stack.await("web", ServiceState.READY).pid()).isNotEqualTo(before);
            follow.signal("INT");
            DevstackProcess.Result ended = follow.awaitExit(BackgroundUp.WAIT);
            assertThat(ended.exitCode()).as(ended.err()).isZero();
            assertThat(ended.out().lines()).hasSize(2);
        }
    }

    private static List<JsonNode> json(String lines) {
        return lines.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
