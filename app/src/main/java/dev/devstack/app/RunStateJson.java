package dev.devstack.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.json.JsonDocument;
import dev.devstack.supervisor.json.StackSnapshotJson;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code .devstack/run.json} (docs/json.md). Version 3 is the stack's snapshot, written by the
 * snapshot's own writer, with the supervisor that runs it (and, added within the version, the URL
 * of its HTTP API); it is read back as Jackson's tree into
 * {@link RunState}, what other commands need of it. Versions 1 and 2 (services with their ports
 * and words), of an older `up` still running, read the same.
 */
final class RunStateJson {

    static final int SCHEMA_VERSION = 3;

    /** Reads trees only: binding records would cost every `ports` the introspection of each record. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunStateJson() {
    }

    static byte[] write(StackSnapshot snapshot, long supervisorPid, long supervisorStart, Optional<String> apiUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonDocument.write(out, SCHEMA_VERSION, json -> {
            json.writeObjectFieldStart("supervisor");
            json.writeNumberField("pid", supervisorPid);
            json.writeNumberField("start", supervisorStart);
            json.writeStringField("api_url", apiUrl.orElse(null));
            json.writeEndObject();
            StackSnapshotJson.fields(json, snapshot);
        });
        return out.toByteArray();
    }

    /** The state in {@code bytes}; an IOException when it is no run.json of a version this devstack reads. */
    static RunState read(byte[] bytes) throws IOException {
        JsonNode document = JSON.readTree(bytes);
        int version = document.path("schema_version").asInt(document.path("schema").asInt(0));
        JsonNode supervisor = document.path("supervisor");
        if (version < 1 || version > SCHEMA_VERSION || !supervisor.path("pid").canConvertToLong()) {
            throw new IOException("not a run.json this devstack reads");
        }
        List<RunState.Service> services = new ArrayList<>();
        for (JsonNode service : document.path("services")) {
            String name = service.path("name").asText();
            OptionalLong pid = optional(service.path("pid"));
            OptionalLong listener = version < 3 ? optional(service.path("listener"))
                    : optional(service.path("listener_pid")).stream().filter(l -> pid.isEmpty() || l != pid.getAsLong())
                            .findFirst();
            List<RunState.Port> ports = version < 3 ? ports(service.path("ports"), "name", null)
                    : ports(document.path("ports"), "port_name", name);
            services.add(new RunState.Service(name, service.path("state").asText(), pid, listener, ports,
                    words(service.path("detail"))));
        }
        StackPhase phase = document.hasNonNull("phase") ? StackPhase.of(document.path("phase").asText()) : StackPhase.RUNNING;
        return new RunState(document.path("project").asText(), document.path("instance").asText(),
                supervisor.path("pid").asLong(), supervisor.path("start").asLong(), phase, services,
                Optional.ofNullable(supervisor.path("api_url").textValue()));
    }

    /**
     * Ports with their words: a service's own until version 2; from version 3 those beside the
     * services that are {@code service}'s.
     */
    private static List<RunState.Port> ports(JsonNode ports, String nameField, String service) {
        List<RunState.Port> read = new ArrayList<>();
        for (JsonNode port : ports) {
            if (service == null || service.equals(port.path("service").asText())) {
                read.add(new RunState.Port(port.path(nameField).asText(), port.path("port").asInt(), words(port.path("reason"))));
            }
        }
        return read;
    }

    /** Words for people: a string until version 2, an object's {@code text} from version 3. */
    private static String words(JsonNode value) {
        return value.isTextual() ? value.asText() : value.path("text").asText();
    }

    private static OptionalLong optional(JsonNode value) {
        return value.canConvertToLong() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }
}
