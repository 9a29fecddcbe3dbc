package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackSnapshot;
import java.io.IOException;
import java.io.OutputStream;

/** A running stack at one moment: its phase, every service, every port and why (docs/json.md). */
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
    }
}
