package dev.devstack.supervisor.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.OutputSource;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackEventJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-30T08:01:12.871123456Z");

    private static final List<StackEvent> EVENTS = List.of(
            new StackEvent.Output(AT, "web", OutputSource.STDOUT, "listening on :3000 \"ok\" ✓"),
            new StackEvent.Output(AT, "web", OutputSource.STDERR, ""),
            new StackEvent.StateChanged(AT, "web", ServiceState.CRASHED, new ServiceDetail.Ended(new ExitDescription.Natural(3))),
            new StackEvent.ProcessesChanged(AT, "web"),
            new StackEvent.Notice(AT, "", "stopping: Ctrl-C"),
            new StackEvent.Notice(AT, "db", "port 5432 moved"));

    @Test
    void everyEventKindComesBackAsTheEventThatWasWritten() throws IOException {
        for (StackEvent event : EVENTS) {
            assertThat(StackEventJson.read(written(event))).as("%s", event).isEqualTo(event);
        }
    }

    @Test
    void aLineIsTheWholeDocumentOnOneLine() throws IOException {
        for (StackEvent event : EVENTS) {
            String line = StackEventJson.line(event);
            ByteArrayOutputStream document = new ByteArrayOutputStream();
            StackEventJson.write(event, document);

            assertThat(line).as("%s", event).doesNotContain("\n");
            assertThat(JSON.readTree(line)).isEqualTo(JSON.readTree(document.toByteArray()));
        }
    }

    @Test
    void everyEventKindHasASample() {
        assertThat(EVENTS.stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrder(StackEvent.class.getPermittedSubclasses());
    }

    @Test
    void everyDetailComesBackInAStateChange() throws IOException {
        for (ServiceDetail detail : JsonSamples.details()) {
            StackEvent changed = new StackEvent.StateChanged(AT, "api", ServiceState.STOPPING, detail);

            assertThat(StackEventJson.read(written(changed))).isEqualTo(changed);
        }
    }

    @Test
    void anEventThisDevstackDoesNotKnowIsAnErrorThatListsTheEventsItKnows() throws IOException {
        ObjectNode newer = (ObjectNode) written(EVENTS.get(3));
        newer.put("event", "resized");

        assertThatThrownBy(() -> StackEventJson.read(newer))
                .isInstanceOf(JsonMappingException.class)
                .hasMessage("event: unknown event \"resized\"; this devstack knows notice, output, processes_changed, "
                        + "state_changed (a newer devstack may have written it)");
    }

    @Test
    void aMissingOrWrongFieldIsAnErrorNamingTheEventAndTheField() throws IOException {
        ObjectNode output = (ObjectNode) written(EVENTS.get(0));
        output.remove("line");
        ObjectNode changed = (ObjectNode) written(EVENTS.get(2));
        ((ObjectNode) changed.get("detail").get("exit")).put("code", "3");
        ObjectNode notice = (ObjectNode) written(EVENTS.get(4));
        notice.put("at", "yesterday");

        assertThatThrownBy(() -> StackEventJson.read(output)).hasMessage("event(output): missing field \"line\"");
        assertThatThrownBy(() -> StackEventJson.read(changed))
                .hasMessage("event(state_changed).detail(ended).exit(natural).code: expected an integer, got \"3\"");
        assertThatThrownBy(() -> StackEventJson.read(notice))
                .hasMessage("event(notice).at: expected an instant (2026-11-30T08:01:12.871Z), got \"yesterday\"");
        assertThatThrownBy(() -> StackEventJson.read(JSON.readTree("{\"at\": \"2026-11-30T08:01:12Z\"}")))
                .hasMessage("event: missing field \"event\"");
    }

    @Test
    void anEventInsideALargerMessageIsReadWhereItIs() throws IOException {
        JsonNode message = JSON.createObjectNode().put("ok", true).set("event", written(EVENTS.get(2)));

        assertThat(StackEventJson.read(message.get("event"))).isEqualTo(EVENTS.get(2));
    }

    private static JsonNode written(StackEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StackEventJson.write(event, out);
        return JSON.readTree(out.toByteArray());
    }
}
