package dev.devstack.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.model.StackPhase;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@link RunState} as the JSON of {@code .devstack/run.json} (docs/json.md), written and read by
 * Jackson through records of the document's shape. Version 2 names its version
 * {@code schema_version} like every other document; a version 1 file ({@code schema}) of an older
 * `up` still running reads the same. It lives beside {@link RunStateFile} and not in
 * {@code app.json}, since that package builds on this one.
 */
final class RunStateJson {

    static final int SCHEMA_VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RunStateJson() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"schema_version", "schema", "project", "instance", "supervisor", "phase", "services"})
    record Document(@JsonProperty("schema_version") Integer schemaVersion, Integer schema, String project,
                    String instance, Supervisor supervisor, String phase, List<Service> services) {
    }

    record Supervisor(long pid, long start) {
    }

    @JsonPropertyOrder({"name", "state", "pid", "listener", "ports", "detail"})
    record Service(String name, String state, Long pid,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Long listener, List<Port> ports, String detail) {
    }

    record Port(String name, int port, String reason) {
    }

    static byte[] write(RunState state) throws IOException {
        List<Service> services = state.services().stream().map(s -> new Service(s.name(), s.state(), boxed(s.pid()),
                boxed(s.listener()), s.ports().stream().map(p -> new Port(p.name(), p.port(), p.reason())).toList(),
                s.detail())).toList();
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Document(SCHEMA_VERSION, null, state.project(),
                state.instance(), new Supervisor(state.supervisorPid(), state.supervisorStart()), state.phase().word(),
                services));
    }

    /** The state in {@code bytes}; an IOException when it is no run.json of a version this devstack reads. */
    static RunState read(byte[] bytes) throws IOException {
        Document document = JSON.readValue(bytes, Document.class);
        boolean known = Integer.valueOf(SCHEMA_VERSION).equals(document.schemaVersion())
                || document.schemaVersion() == null && Integer.valueOf(1).equals(document.schema());
        if (!known || document.supervisor() == null) {
            throw new IOException("not a run.json this devstack reads");
        }
        List<RunState.Service> services = document.services() == null ? List.of() : document.services().stream()
                .map(s -> new RunState.Service(s.name(), s.state(), optional(s.pid()), optional(s.listener()),
                        s.ports() == null ? List.of() : s.ports().stream()
                                .map(p -> new RunState.Port(p.name(), p.port(), p.reason())).toList(),
                        s.detail()))
                .toList();
        StackPhase phase = document.phase() == null ? StackPhase.RUNNING : StackPhase.of(document.phase());
        return new RunState(document.project(), document.instance(), document.supervisor().pid(),
                document.supervisor().start(), phase, services);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
