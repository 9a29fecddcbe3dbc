package dev.devstack.supervisor.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.ConfigProblem;
import dev.devstack.supervisor.model.ReloadOutcome;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReloadOutcomeJsonTest {

    static List<ReloadOutcome> outcomes() {
        return List.of(new ReloadOutcome.Applied(List.of("cache"), List.of("old"), List.of("api"), List.of("web")),
                new ReloadOutcome.Applied(List.of(), List.of(), List.of(), List.of()),
                new ReloadOutcome.Invalid(List.of(new ConfigProblem("ports.yaml", 4, 12, "`comand` is not a key"),
                        new ConfigProblem("ports.yaml", 0, 0, "no services"))),
                new ReloadOutcome.Refused("port 5432 of db is taken", List.of("5432: postgres (pid 88)")));
    }

    @ParameterizedTest
    @MethodSource("outcomes")
    void everyOutcomeIsWrittenByItsKindAndReadBackTheSame(ReloadOutcome outcome) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            ReloadOutcomeJson.write(json, "reload", outcome);
            json.writeEndObject();
        }

        String kind = outcome.getClass().getSimpleName().toLowerCase();
        assertThat(out.toString()).startsWith("{\"reload\":{\"kind\":\"" + kind + "\"");
        assertThat(ReloadOutcomeJson.read(new ObjectMapper().readTree(out.toString()).get("reload"))).isEqualTo(outcome);
    }
}
