package dev.devstack.supervisor.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.devstack.supervisor.json.ReloadOutcomeJson;
import dev.devstack.supervisor.json.ServiceInspectionJson;
import dev.devstack.supervisor.json.StackEventJson;
import dev.devstack.supervisor.json.StackSnapshotJson;
import dev.devstack.supervisor.model.NumberedEvent;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ReloadText;
import dev.devstack.supervisor.model.ServiceInspection;
import dev.devstack.supervisor.model.StackSnapshot;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * What a stack writes on its control socket, each a JSON object on one line (docs/protocol.md).
 * A snapshot or an event inside a message is the same document as everywhere else (docs/json.md),
 * with its {@code schema_version}.
 */
final class Replies {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Replies() {
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    static String hello(String project, String instance, long pid, Optional<String> apiUrl) {
        return line(json -> {
            json.writeBooleanField("ok", true);
            json.writeNumberField("protocol", ControlServer.PROTOCOL);
            json.writeStringField("project", project);
            json.writeStringField("instance", instance);
            json.writeNumberField("pid", pid);
            json.writeStringField("api_url", apiUrl.orElse(null));
        });
    }

    /** What a reload or a change of scale did: {@code ok} only when it was applied, else why not. */
    static String reloaded(ReloadOutcome outcome) {
        return line(json -> {
            boolean applied = outcome instanceof ReloadOutcome.Applied;
            json.writeBooleanField("ok", applied);
            if (!applied) {
                json.writeStringField("error", ReloadText.lines(outcome).get(0));
            }
            ReloadOutcomeJson.write(json, "reload", outcome);
        });
    }

    /** The answer to an inspect: the unit as the stack sees it, its secrets already masked. */
    static String inspection(ServiceInspection inspection) {
        return line(json -> {
            json.writeBooleanField("ok", true);
            ServiceInspectionJson.write(json, "inspection", inspection);
        });
    }

    static String refused(String error) {
        return line(json -> {
            json.writeBooleanField("ok", false);
            json.writeNumberField("protocol", ControlServer.PROTOCOL);
            json.writeStringField("error", error);
        });
    }

    static String done() {
        return line(json -> json.writeBooleanField("ok", true));
    }

    static String acted(List<String> services) {
        return line(json -> {
            json.writeBooleanField("ok", true);
            json.writeArrayFieldStart("services");
            for (String service : services) {
                json.writeString(service);
            }
            json.writeEndArray();
        });
    }

    /** The answer to a snapshot, or the start of a subscription: the number of the last event, and the snapshot if any. */
    static String snapshot(long sequence, StackSnapshot snapshot) {
        return line(json -> {
            json.writeBooleanField("ok", true);
            json.writeNumberField("sequence", sequence);
            if (snapshot != null) {
                snapshotField(json, snapshot);
            }
        });
    }

    /** A new snapshot, in a subscription that asked for them. */
    static String snapshotItem(StackSnapshot snapshot) {
        return line(json -> snapshotField(json, snapshot));
    }

    static String event(NumberedEvent event) {
        return line(json -> {
            json.writeNumberField("sequence", event.sequence());
            json.writeObjectFieldStart("event");
            json.writeNumberField("schema_version", StackSnapshotJson.SCHEMA_VERSION);
            StackEventJson.fields(json, event.event());
            json.writeEndObject();
        });
    }

    static String missed(long first, long last) {
        return line(json -> {
            json.writeObjectFieldStart("missed");
            json.writeNumberField("first", first);
            json.writeNumberField("last", last);
            json.writeEndObject();
        });
    }

    /** The end of the lines of a `logs` that does not follow; the connection takes requests again. */
    static String end(long sequence) {
        return line(json -> {
            json.writeBooleanField("end", true);
            json.writeNumberField("sequence", sequence);
        });
    }

    /** The last line to a client that could not keep up; the stack closes the connection after it. */
    static String cutOff(String why) {
        return line(json -> json.writeStringField("cut_off", why));
    }

    private static void snapshotField(JsonGenerator json, StackSnapshot snapshot) throws IOException {
        json.writeObjectFieldStart("snapshot");
        json.writeNumberField("schema_version", StackSnapshotJson.SCHEMA_VERSION);
        StackSnapshotJson.fields(json, snapshot);
        json.writeEndObject();
    }

    private static String line(Fields fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a reply is written to memory", e);
        }
        return out.toString();
    }
}
