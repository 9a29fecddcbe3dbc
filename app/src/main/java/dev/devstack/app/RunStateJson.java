package dev.devstack.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.json.JsonDocument;
import dev.devstack.supervisor.json.StackSnapshotJson;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code .devstack/run.json} (docs/json.md). Version 3 is the stack's snapshot, written by the
 * snapshot's own writer, with the supervisor that runs it; it is read back by Jackson into
 * {@link RunState}, what other commands need of it. Versions 1 and 2 (services with their ports
 * and words), of an older `up` still running, read the same.
 */
final class RunStateJson {

    static final int SCHEMA_VERSION = 3;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RunStateJson() {
    }

    /** Every version's fields: what a version does not have is null. */
    record Document(@JsonProperty("schema_version") Integer schemaVersion, Integer schema, String project,
                    String instance, Supervisor supervisor, String phase, List<Service> services, List<Port> ports) {
    }

    record Supervisor(long pid, long start) {
    }

    /**
     * {@code listener} and {@code ports} (with their words) until version 2; {@code listener_pid}
     * from version 3, whose {@code ports} are numbers, described beside the services.
     */
    record Service(String name, String state, Long pid, Long listener, @JsonProperty("listener_pid") Long listenerPid,
                   JsonNode ports, JsonNode detail) {
    }

    /** In a service until version 2 ({@code reason} words); beside the services from version 3. */
    record Port(String service, String name, @JsonProperty("port_name") String portName, int port, JsonNode reason) {
    }

    static byte[] write(StackSnapshot snapshot, long supervisorPid, long supervisorStart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonDocument.write(out, SCHEMA_VERSION, json -> {
            json.writeObjectFieldStart("supervisor");
            json.writeNumberField("pid", supervisorPid);
            json.writeNumberField("start", supervisorStart);
            json.writeEndObject();
            StackSnapshotJson.fields(json, snapshot);
        });
        return out.toByteArray();
    }

    /** The state in {@code bytes}; an IOException when it is no run.json of a version this devstack reads. */
    static RunState read(byte[] bytes) throws IOException {
        Document document = JSON.readValue(bytes, Document.class);
        int version = document.schemaVersion() != null ? document.schemaVersion()
                : document.schema() != null ? document.schema() : 0;
        if (version < 1 || version > SCHEMA_VERSION || document.supervisor() == null) {
            throw new IOException("not a run.json this devstack reads");
        }
        List<Service> services = document.services() == null ? List.of() : document.services();
        List<RunState.Service> read = services.stream().map(s -> version < 3
                ? new RunState.Service(s.name(), s.state(), optional(s.pid()), optional(s.listener()),
                        ports(s.ports() == null ? null : List.of(JSON.convertValue(s.ports(), Port[].class)), null),
                        words(s.detail()))
                : new RunState.Service(s.name(), s.state(), optional(s.pid()),
                        s.listenerPid() == null || s.listenerPid().equals(s.pid()) ? OptionalLong.empty()
                                : OptionalLong.of(s.listenerPid()),
                        ports(document.ports(), s.name()), words(s.detail()))).toList();
        StackPhase phase = document.phase() == null ? StackPhase.RUNNING : StackPhase.of(document.phase());
        return new RunState(document.project(), document.instance(), document.supervisor().pid(),
                document.supervisor().start(), phase, read);
    }

    /** The ports in {@code ports}; from version 3, only those of {@code service}. */
    private static List<RunState.Port> ports(List<Port> ports, String service) {
        return ports == null ? List.of() : ports.stream().filter(p -> service == null || service.equals(p.service()))
                .map(p -> new RunState.Port(service == null ? p.name() : p.portName(), p.port(), words(p.reason())))
                .toList();
    }

    /** Words for people: a string until version 2, an object's {@code text} from version 3. */
    private static String words(JsonNode value) {
        return value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.path("text").asText();
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
