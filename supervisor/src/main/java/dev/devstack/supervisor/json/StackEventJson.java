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

    /** The event's fields, for a document that carries it (a server-sent event of the HTTP API). */
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
