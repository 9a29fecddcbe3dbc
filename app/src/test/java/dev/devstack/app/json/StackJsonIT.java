package dev.devstack.app.json;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.devstack.app.testing.LiveStack;
import dev.devstack.supervisor.json.StackEventJson;
import dev.devstack.supervisor.json.StackSnapshotJson;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.ForeignListener;
import dev.devstack.supervisor.testing.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot and the events of a real stack (a service moved off a taken port, another that
 * prints) against the JSON Schemas docs/json.md documents them with.
 */
class StackJsonIT {

    private static final Path SCHEMAS = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize()
            .resolve("docs/schema");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    @Test
    void aSnapshotAndEveryEventOfARealStackHaveTheDocumentedShape() throws Exception {
        int taken = FreePorts.next();
        try (ForeignListener foreign = ForeignListener.on(taken); LiveStack stack = new LiveStack(projectDir, home)) {
            Supervisor supervisor = stack.up("""
                    services:
                      web: { command: "%s", port: %d }
                      talker: { command: "%s" }
                    """.formatted(service("--listen"), taken, service("--print hello")));
            LiveStack.await(supervisor, "web", ServiceState.READY);

            ByteArrayOutputStream snapshotJson = new ByteArrayOutputStream();
            StackSnapshotJson.write(supervisor.snapshot(), snapshotJson);
            JsonNode snapshot = valid("stack-snapshot.schema.json", snapshotJson.toString());

            assertThat(snapshot.path("services")).hasSize(2);
            JsonNode web = snapshot.path("ports").get(0);
            assertThat(web.path("reason").path("kind").asText()).isEqualTo("moved");
            assertThat(web.path("reason").path("wanted").asInt()).isEqualTo(taken);

            Set<String> kinds = new HashSet<>();
            for (StackEvent event : stack.events()) {
                ByteArrayOutputStream eventJson = new ByteArrayOutputStream();
                StackEventJson.write(event, eventJson);
                kinds.add(valid("stack-event.schema.json", eventJson.toString()).path("event").asText());
            }
            assertThat(kinds).contains("state_changed", "notice");
        }
    }

    private static JsonNode valid(String schemaFile, String document) throws IOException {
        JsonNode json = JSON.readTree(document);
        List<Error> errors;
        try (InputStream schema = Files.newInputStream(SCHEMAS.resolve(schemaFile))) {
            errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(json);
        }
        assertThat(errors).as(schemaFile + " against\n" + document).isEmpty();
        return json;
    }
}
