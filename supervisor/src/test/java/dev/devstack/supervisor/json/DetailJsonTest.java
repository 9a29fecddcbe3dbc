package dev.devstack.supervisor.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.ReadinessFinding;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.StopCause;
import dev.devstack.supervisor.model.StopMeans;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetailJsonTest {

    private static final Path SCHEMAS = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize()
            .resolve("docs/schema");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDetailIsItsKindItsFieldsAndItsWordsWithNestedValuesKindedToo() throws IOException {
        JsonNode restart = written(new ServiceDetail.RestartScheduled(new ExitDescription.Natural(1), 3, Duration.ofSeconds(4)));

        assertThat(restart).isEqualTo(JSON.readTree("""
                {"kind": "restart_scheduled", "exit": {"kind": "natural", "code": 1}, "restart": 3, "delay": 4.0,
                 "text": "exit 1, restart 3 in 4s"}"""));
    }

    @Test
    void optionalsAreTheirValueOrNullSignalsTheirNamesAndDurationsSeconds() throws IOException {
        JsonNode stopping = written(new ServiceDetail.Stopping(new StopMeans.SignalSent(Signal.TERM), Optional.empty(),
                new StopCause.Asked(Optional.of("ci"))));
        JsonNode ready = written(new ServiceDetail.Ready(new ReadinessFinding.TimedOut(Duration.ofMillis(1500), "http",
                Optional.empty()), Duration.ofMillis(310)));

        assertThat(stopping.path("means")).isEqualTo(JSON.readTree("{\"kind\": \"signal_sent\", \"signal\": \"SIGTERM\"}"));
        assertThat(stopping.path("kill_after").isNull()).isTrue();
        assertThat(stopping.path("cause")).isEqualTo(JSON.readTree("{\"kind\": \"asked\", \"by\": \"ci\"}"));
        assertThat(ready.path("after").asDouble()).isEqualTo(0.31);
        assertThat(ready.path("finding").path("timeout").asDouble()).isEqualTo(1.5);
        assertThat(ready.path("finding").path("last").isNull()).isTrue();
    }

    @Test
    void theSchemaNamesEveryKindThereIs() throws IOException {
        List<String> documented = new ArrayList<>();
        for (String schema : List.of("stack-snapshot.schema.json", "stack-event.schema.json")) {
            JSON.readTree(SCHEMAS.resolve(schema).toFile()).at("/$defs/detail/properties/kind/enum")
                    .forEach(kind -> documented.add(schema + ": " + kind.asText()));
        }

        List<String> kinds = Arrays.stream(ServiceDetail.class.getPermittedSubclasses()).map(RecordJson::kind).toList();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                kinds.stream().flatMap(kind -> List.of("stack-snapshot.schema.json: " + kind,
                        "stack-event.schema.json: " + kind).stream()).toList());
    }

    private static JsonNode written(ServiceDetail detail) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            DetailJson.write(json, detail);
            json.writeEndObject();
        }
        return JSON.readTree(out.toString()).path("detail");
    }
}
