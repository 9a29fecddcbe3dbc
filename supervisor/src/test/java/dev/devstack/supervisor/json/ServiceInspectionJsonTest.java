package dev.devstack.supervisor.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.CheckStatus;
import dev.devstack.supervisor.model.EnvironmentEntry;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.GroupProcess;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.RestartRecord;
import dev.devstack.supervisor.model.RestartSettings;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceInspection;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What `inspect` answers comes back as the inspection that was written; a masked value stays masked. */
class ServiceInspectionJsonTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:16:02.310Z");

    @Test
    void anInspectionComesBackAsItWasWritten() throws IOException {
        ServiceInspection inspection = new ServiceInspection("api.1", "python3 -u api.py", Path.of("/home/dev/shop"),
                List.of(EnvironmentEntry.of("API_KEY", "sk-1"), EnvironmentEntry.of("HOME", "/home/dev")),
                List.of(new PortAssignment("api.1", "", 22192, new AssignmentReason.Automatic("20000-29999"))),
                List.of(new CheckStatus(CheckStatus.Role.READINESS, "tcp on 22192",
                                Optional.of(new CheckStatus.Attempt(AT, true, "accepts connections"))),
                        new CheckStatus(CheckStatus.Role.HEALTH, "http GET /healthz on 22192", Optional.empty())),
                new RestartSettings("always", Duration.ofMillis(500), OptionalInt.empty()),
                List.of(new RestartRecord(AT, new ServiceDetail.RestartScheduled(new ExitDescription.Natural(3), 2,
                        Duration.ofSeconds(1)))),
                Path.of("/home/dev/shop/.devstack/logs/api.1.log"), List.of(new GroupProcess(4251, "python3 -u api.py")));

        JsonNode written = written(inspection);

        assertThat(written.get("environment").get(0).toString())
                .isEqualTo("{\"kind\":\"environment_entry\",\"name\":\"API_KEY\",\"value\":\"••••••\",\"masked\":true}");
        assertThat(written.toString()).doesNotContain("sk-1");
        assertThat(ServiceInspectionJson.read(written)).isEqualTo(inspection);
    }

    private static JsonNode written(ServiceInspection inspection) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            ServiceInspectionJson.write(json, "inspection", inspection);
            json.writeEndObject();
        }
        return new ObjectMapper().readTree(out.toString()).get("inspection");
    }
}
