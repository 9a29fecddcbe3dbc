package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devstack.supervisor.model.StackEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** One thing that happened in a running stack, named by its {@code event} field (docs/json.md). */
public final class StackEventJson {

    private StackEventJson() {
    }

    public static void write(StackEvent event, OutputStream out) {
        JsonDocument.write(out, StackSnapshotJson.SCHEMA_VERSION, json -> fields(json, event));
    }

    /** The event's fields, for a message that carries it (the control socket, the HTTP API's events). */
    public static void fields(JsonGenerator json, StackEvent event) throws IOException {
        json.writeStringField("at", event.at().toString());
        if (event instanceof StackEvent.Output output) {
            json.writeStringField("event", "output");
            json.writeStringField("service", output.service());
            json.writeStringField("source", output.source().name().toLowerCase(Locale.ROOT));
            json.writeStringField("line", output.line());
        } else if (event instanceof StackEvent.StateChanged changed) {
            json.writeStringField("event", "state_changed");
            json.writeStringField("service", changed.service());
            json.writeStringField("state", changed.state().word());
            DetailJson.write(json, changed.detail());
        } else if (event instanceof StackEvent.ProcessesChanged changed) {
            json.writeStringField("event", "processes_changed");
            json.writeStringField("service", changed.service());
        } else {
            StackEvent.Notice notice = (StackEvent.Notice) event;
            json.writeStringField("event", "notice");
            json.writeStringField("service", notice.service());
            json.writeStringField("message", notice.message());
        }
    }
}
