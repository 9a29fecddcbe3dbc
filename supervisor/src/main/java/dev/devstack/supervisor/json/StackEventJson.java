package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.supervisor.model.OutputSource;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One thing that happened in a running stack, named by its {@code event} field (docs/json.md);
 * written by a stack, read back by the clients of its control plane.
 */
public final class StackEventJson {

    private StackEventJson() {
    }

    public static void write(StackEvent event, OutputStream out) {
        JsonDocument.write(out, StackSnapshotJson.SCHEMA_VERSION, json -> fields(json, event));
    }

    /** The event as a document on one line (`devstack logs --json`). */
    public static String line(StackEvent event) {
        return JsonDocument.line(StackSnapshotJson.SCHEMA_VERSION, json -> fields(json, event));
    }

    /** The event's fields, for a message that carries it (the control socket, the HTTP API's events). */
    public static void fields(JsonGenerator json, StackEvent event) throws IOException {
        json.writeStringField("at", event.at().toString());
        json.writeStringField("event", kind(event));
        if (event instanceof StackEvent.Output output) {
            json.writeStringField("service", output.service());
            json.writeStringField("source", output.source().name().toLowerCase(Locale.ROOT));
            json.writeStringField("line", output.line());
        } else if (event instanceof StackEvent.StateChanged changed) {
            json.writeStringField("service", changed.service());
            json.writeStringField("state", changed.state().word());
            DetailJson.write(json, changed.detail());
        } else if (event instanceof StackEvent.ProcessesChanged changed) {
            json.writeStringField("service", changed.service());
        } else {
            StackEvent.Notice notice = (StackEvent.Notice) event;
            json.writeStringField("service", notice.service());
            json.writeStringField("message", notice.message());
        }
    }

    /**
     * The event whose fields {@code event} holds: a whole document, or the object a larger message
     * carries. Fields it does not know are ignored, and so is {@code schema_version}; a field missing
     * or of the wrong type, or an event it does not know, is an error that names it and its place.
     */
    public static StackEvent read(JsonNode event) throws JsonMappingException {
        JsonFields named = JsonFields.of(event, "event");
        String kind = named.read("event", String.class);
        JsonFields fields = named.ofKind(kind);
        Instant at = fields.read("at", Instant.class);
        return switch (kind) {
            case "output" -> new StackEvent.Output(at, fields.read("service", String.class),
                    fields.read("source", OutputSource.class), fields.read("line", String.class));
            case "state_changed" -> new StackEvent.StateChanged(at, fields.read("service", String.class),
                    fields.read("state", ServiceState.class), DetailJson.read(fields.get("detail"), fields.where("detail")));
            case "processes_changed" -> new StackEvent.ProcessesChanged(at, fields.read("service", String.class));
            case "notice" -> new StackEvent.Notice(at, fields.read("service", String.class), fields.read("message", String.class));
            default -> throw JsonFields.problem(named.where(), "unknown event \"" + kind + "\"; this devstack knows "
                    + Arrays.stream(StackEvent.class.getPermittedSubclasses()).map(RecordJson::kind).sorted()
                            .collect(Collectors.joining(", ")) + " (a newer devstack may have written it)");
        };
    }

    /** The {@code event} field: the event's kind ({@code output}, {@code state_changed}, …). */
    public static String kind(StackEvent event) {
        if (event instanceof StackEvent.Output) {
            return "output";
        }
        if (event instanceof StackEvent.StateChanged) {
            return "state_changed";
        }
        return event instanceof StackEvent.ProcessesChanged ? "processes_changed" : "notice";
    }
}
