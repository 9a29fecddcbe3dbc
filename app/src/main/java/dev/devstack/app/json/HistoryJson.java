package dev.devstack.app.json;

import dev.devstack.store.RegistryEvent;
import dev.devstack.supervisor.json.JsonDocument;
import java.io.PrintStream;
import java.util.List;

/** `devstack history --json`: events of the registry's audit log, oldest first; `host` is empty for this host's. */
public final class HistoryJson {

    private HistoryJson() {
    }

    public static void print(List<RegistryEvent> events, PrintStream out) {
        JsonDocument.print(out, JsonDocument.COMMAND_SCHEMA_VERSION, json -> {
            json.writeArrayFieldStart("events");
            for (RegistryEvent event : events) {
                json.writeStartObject();
                json.writeStringField("at", event.at().toString());
                json.writeStringField("event", event.kind().word());
                json.writeNumberField("port", event.port());
                json.writeStringField("owner", event.owner());
                json.writeNumberField("pid", event.pid());
                json.writeStringField("user", event.user());
                json.writeStringField("detail", event.detail());
                json.writeStringField("host", event.host());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }
}
