package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.FreePorts;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON output, made for real by the built launcher (and run.json by a real `up`), against
 * the JSON Schema docs/json.md documents it with. The schemas require every field and allow no
 * other, so a field renamed or dropped fails here; each test also checks that the parts it
 * validates are there (a service, a lease, an event), so that an empty list cannot pass for them.
 */
class JsonSchemaIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCHEMAS = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize()
            .resolve("docs/schema");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    @BeforeEach
    void project() {
        new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--listen")));
    }

    @Test
    void portsJsonOfAStoppedAndOfARunningStack() throws Exception {
        JsonNode stopped = valid("ports.schema.json", run("ports", "--json"));
        assertThat(stopped.path("state").asText()).isEqualTo("stopped");

        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            JsonNode running = valid("ports.schema.json", readyPorts());
            assertThat(running.path("supervisor_pid").asLong()).isEqualTo(up.pid());
            assertThat(running.path("services").get(0).path("pid").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void runJsonWhileUpRuns() throws Exception {
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            readyPorts();
            JsonNode state = valid("run.schema.json", Files.readString(projectDir.resolve(".devstack/run.json")));

            assertThat(state.path("supervisor").path("pid").asLong()).isEqualTo(up.pid());
            JsonNode api = state.path("services").get(0);
            assertThat(api.path("name").asText()).isEqualTo("api");
            assertThat(api.path("ports")).hasSize(1);
        }
    }

    @Test
    void portsAllJsonWithALeasedListeningPort() throws Exception {
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            int port = JSON.readTree(readyPorts()).path("services").get(0).path("port").asInt();
            JsonNode all = valid("ports-all.schema.json", run("ports", "--all", "--json"));

            JsonNode row = null;
            for (JsonNode candidate : all.path("ports")) {
                if (candidate.path("port").asInt() == port) {
                    row = candidate;
                }
            }
            assertThat(row).as("api's port is listed").isNotNull();
            assertThat(row.path("lease").path("devstack_pid").asLong()).isEqualTo(up.pid());
        }
    }

    @Test
    void whoJsonOfAServedPortAndOfAFreeOne() throws Exception {
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            int port = JSON.readTree(readyPorts()).path("services").get(0).path("port").asInt();
            JsonNode served = valid("who.schema.json", run("who", String.valueOf(port), "--json"));

            assertThat(served.path("holders")).isNotEmpty();
            assertThat(served.path("lease").path("devstack_pid").asLong()).isEqualTo(up.pid());
        }
        JsonNode free = valid("who.schema.json", run("who", String.valueOf(FreePorts.next()), "--json"));
        assertThat(free.path("listening").asBoolean()).isFalse();
    }

    @Test
    void webJsonOfARunningStack() throws Exception {
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            readyPorts();
            JsonNode web = valid("web.schema.json", run("web", "--no-open", "--json"));

            assertThat(web.path("login_url").asText()).startsWith(web.path("url").asText() + "?code=");
            assertThat(web.path("opened_with").isNull()).isTrue();
        }
    }

    @Test
    void configJsonOfAnEnvironmentWithAnOverride() throws Exception {
        Files.writeString(projectDir.resolve("ports.local.yaml"), "services:\n  api: { restart: always }\n");
        JsonNode config = valid("config.schema.json", run("config", "--json", "--set", "api.port=31999"));

        assertThat(config.path("files")).extracting(JsonNode::asText).containsExactly("ports.yaml", "ports.local.yaml");
        assertThat(config.path("settings")).anySatisfy(setting -> {
            assertThat(setting.path("path").toString()).isEqualTo("[\"services\",\"api\",\"port\"]");
            assertThat(setting.path("value").asInt()).isEqualTo(31999);
            assertThat(setting.path("origin").asText()).isEqualTo("--set api.port=31999");
        });
    }

    @Test
    void historyJsonAfterARun() throws Exception {
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            readyPorts();
        }
        JsonNode history = valid("history.schema.json", run("history", "--json"));

        assertThat(history.path("events")).extracting(event -> event.path("event").asText()).contains("claim");
    }

    private String run(String... args) {
        DevstackProcess.Result result = InProcessDevstack.run(projectDir, home, args);
        assertThat(result.err()).isEmpty();
        return result.out();
    }

    /** `ports --json` once api is ready and has its port. */
    private String readyPorts() {
        return Await.value(WAIT, "api to be ready", () -> {
            String text = InProcessDevstack.run(projectDir, home, "ports", "--json").out();
            try {
                JsonNode api = JSON.readTree(text).path("services").path(0);
                return "ready".equals(api.path("state").asText()) && api.path("port").isInt() ? text : null;
            } catch (IOException notYetWritten) {
                return null;
            }
        });
    }

    private static JsonNode valid(String schemaFile, String document) throws IOException {
        JsonNode json = JSON.readTree(document);
        List<Error> errors;
        try (InputStream schema = Files.newInputStream(SCHEMAS.resolve(schemaFile))) {
            Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
            errors = compiled.validate(json);
        }
        assertThat(errors).as(schemaFile + " against\n" + document).isEmpty();
        return json;
    }
}
