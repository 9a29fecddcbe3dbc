package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.supervisor.config.Condition;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.model.UnitDependency;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A running stack at one moment: its phase, every service, every port and why (docs/json.md);
 * written by a stack, read back by the clients of its control plane.
 */
public final class StackSnapshotJson {

    /** The version of the snapshot and event documents. */
    public static final int SCHEMA_VERSION = 1;

    private StackSnapshotJson() {
    }

    public static void write(StackSnapshot snapshot, OutputStream out) {
        JsonDocument.write(out, SCHEMA_VERSION, json -> fields(json, snapshot));
    }

    /** The snapshot's fields, for a document that carries it (run.json). */
    public static void fields(JsonGenerator json, StackSnapshot snapshot) throws IOException {
        json.writeStringField("project", snapshot.project());
        json.writeStringField("instance", snapshot.instance());
        json.writeStringField("at", snapshot.at().toString());
        json.writeStringField("phase", snapshot.phase().word());
        json.writeArrayFieldStart("services");
        for (ServiceSnapshot service : snapshot.services()) {
            ServiceSnapshotJson.write(json, service);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("ports");
        for (PortAssignment port : snapshot.ports()) {
            PortAssignmentJson.write(json, port);
        }
        json.writeEndArray();
        json.writeStringField("front_door", snapshot.frontDoor().orElse(null));
        json.writeArrayFieldStart("dependencies");
        for (UnitDependency dependency : snapshot.dependencies()) {
            json.writeStartObject();
            json.writeStringField("service", dependency.unit());
            json.writeStringField("depends_on", dependency.dependsOn());
            json.writeStringField("condition", dependency.conditionWord());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * The snapshot whose fields {@code snapshot} holds: a whole document, or the object a larger
     * message carries ({@code {"ok":true,"snapshot":{...}}}). Fields it does not know are ignored and
     * so is {@code schema_version}, which the document that carries the snapshot owns (run.json's is
     * not this one); a field missing or of the wrong type is an error that names it and its place, but for
     * {@code front_door}, which stacks of devstack before names did not write, and {@code dependencies},
     * which stacks before the dependency graph view did not write.
     */
    public static StackSnapshot read(JsonNode snapshot) throws JsonMappingException {
        JsonFields fields = JsonFields.of(snapshot, "snapshot");
        return new StackSnapshot(
                fields.read("project", String.class),
                fields.read("instance", String.class),
                fields.read("at", Instant.class),
                fields.read("phase", StackPhase.class),
                fields.list("services", ServiceSnapshotJson::read),
                fields.list("ports", PortAssignmentJson::read),
                snapshot.hasNonNull("front_door") ? fields.optional("front_door", String.class) : Optional.empty(),
                snapshot.has("dependencies") ? fields.list("dependencies", StackSnapshotJson::dependency) : List.of());
    }

    private static UnitDependency dependency(JsonNode edge, String where) throws JsonMappingException {
        JsonFields fields = JsonFields.of(edge, where);
        return new UnitDependency(fields.read("service", String.class), fields.read("depends_on", String.class),
                fields.read("condition", Condition.class));
    }
}
