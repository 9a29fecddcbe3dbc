package dev.devstack.supervisor.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sample of every detail and every port reason, written as a real stack writes them, has the
 * shape the schemas document: StackJsonIT sees only the kinds a real stack happens to reach.
 */
class SampleSchemaTest {

    private static final Path SCHEMAS = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize()
            .resolve("docs/schema");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-30T08:01:12.871Z");

    @Test
    void everyPortReasonHasTheDocumentedShape() throws IOException {
        List<PortAssignment> ports = new ArrayList<>();
        for (AssignmentReason reason : JsonSamples.reasons()) {
            ports.add(new PortAssignment("web", "p" + ports.size(), 20000 + ports.size(), reason));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StackSnapshotJson.write(new StackSnapshot("shop", "default", AT, StackPhase.RUNNING, List.of(), ports), out);

        assertThat(errors("stack-snapshot.schema.json", JSON.readTree(out.toByteArray()))).isEmpty();
    }

    @Test
    void everyDetailHasTheDocumentedShape() throws IOException {
        for (ServiceDetail detail : JsonSamples.details()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StackEventJson.write(new StackEvent.StateChanged(AT, "web", ServiceState.STOPPED, detail), out);

            assertThat(errors("stack-event.schema.json", JSON.readTree(out.toByteArray()))).as("%s", detail).isEmpty();
        }
    }

    private static List<Error> errors(String schemaFile, JsonNode document) throws IOException {
        try (InputStream schema = Files.newInputStream(SCHEMAS.resolve(schemaFile))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(document);
        }
    }
}
