package dev.devstack.supervisor.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.ServiceDetail;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RecordJsonReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyDetailKindComesBackAsTheRecordThatWasWritten() throws IOException {
        for (ServiceDetail detail : JsonSamples.details()) {
            assertThat(DetailJson.read(written(detail), "detail")).as("%s", detail).isEqualTo(detail);
        }
    }

    @Test
    void everyDetailKindAndEveryKindNestedInOneHasASample() {
        JsonSamples.assertCovers(ServiceDetail.class, JsonSamples.details());
    }

    @Test
    void everyPortReasonComesBackAsTheRecordThatWasWritten() throws IOException {
        for (AssignmentReason reason : JsonSamples.reasons()) {
            PortAssignment assignment = new PortAssignment("web", "admin", 20417, reason);
            StringWriter out = new StringWriter();
            try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
                PortAssignmentJson.write(json, assignment);
            }

            assertThat(PortAssignmentJson.read(JSON.readTree(out.toString()), "port")).as("%s", reason).isEqualTo(assignment);
        }
    }

    @Test
    void everyPortReasonKindAndEveryKindNestedInOneHasASample() {
        JsonSamples.assertCovers(AssignmentReason.class, JsonSamples.reasons());
    }

    @Test
    void aDetailOfAKindThisDevstackDoesNotKnowIsAnErrorThatListsTheKindsItKnows() {
        assertThatThrownBy(() -> DetailJson.read(JSON.readTree("{\"kind\": \"hibernating\", \"text\": \"zzz\"}"), "detail"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageStartingWith("detail: unknown kind \"hibernating\" of service_detail; this devstack knows adopting, asked_to_restart, asked_to_start,")
                .hasMessageContaining("waits_for_unready (a newer devstack may have written it)");
    }

    @Test
    void aMissingFieldIsAnErrorNamingTheFieldAndTheKindThatLacksIt() {
        assertThatThrownBy(() -> DetailJson.read(JSON.readTree("""
                {"kind": "restart_scheduled", "exit": {"kind": "natural", "code": 1}, "restart": 3}"""), "detail"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessage("detail(restart_scheduled): missing field \"delay\"");
        assertThatThrownBy(() -> DetailJson.read(JSON.readTree("""
                {"kind": "restart_scheduled", "exit": {"kind": "natural"}, "restart": 3, "delay": 4}"""), "detail"))
                .hasMessage("detail(restart_scheduled).exit(natural): missing field \"code\"");
        assertThatThrownBy(() -> DetailJson.read(JSON.readTree("{\"text\": \"pid 4\"}"), "detail"))
                .hasMessage("detail: missing field \"kind\"");
    }

    @Test
    void aFieldOfTheWrongTypeIsAnErrorNamingItWhatItShouldBeAndWhatItWas() {
        assertThatThrownBy(() -> DetailJson.read(JSON.readTree("""
                {"kind": "restart_scheduled", "exit": {"kind": "natural", "code": 1}, "restart": 3, "delay": "4s"}"""),
                "detail"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessage("detail(restart_scheduled).delay: expected seconds (a number), got \"4s\"");
        assertThatThrownBy(() -> DetailJson.read(JSON.readTree("{\"kind\": \"started\", \"pid\": null}"), "detail"))
                .hasMessage("detail(started).pid: expected an integer, got null");
        assertThatThrownBy(() -> DetailJson.read(JSON.readTree("""
                {"kind": "restarting_now", "exit": {"kind": "natural", "code": 1}, "restart": 1, "reason": "bored"}"""),
                "detail"))
                .hasMessage("detail(restarting_now).reason: expected one of unhealthy, asked, watch, got \"bored\"");
        assertThatThrownBy(() -> DetailJson.read(JSON.readTree("""
                {"kind": "kill_after_timeout", "waited": 10, "means": {"kind": "signal_sent", "signal": "SIGWINCH"}}"""),
                "detail"))
                .hasMessageStartingWith("detail(kill_after_timeout).means(signal_sent).signal: expected a signal (SIGHUP,");
        assertThatThrownBy(() -> DetailJson.read(JSON.readTree("\"pid 4\""), "detail"))
                .hasMessage("detail: expected an object, got \"pid 4\"");
    }

    @Test
    void fieldsAReaderDoesNotKnowAreIgnored() throws IOException {
        JsonNode newer = JSON.readTree("""
                {"kind": "ended", "exit": {"kind": "natural", "code": 3, "core_dumped": false}, "text": "exit 3", "at": 1}""");

        assertThat(DetailJson.read(newer, "detail")).isEqualTo(JsonSamples.details().stream()
                .filter(ServiceDetail.Ended.class::isInstance).findFirst().orElseThrow());
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
