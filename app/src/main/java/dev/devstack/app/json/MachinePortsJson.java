package dev.devstack.app.json;

import dev.devstack.app.LeaseConflict;
import dev.devstack.app.MachinePort;
import dev.devstack.app.MachinePortsReport;
import dev.devstack.supervisor.json.JsonDocument;
import java.io.PrintStream;

/**
 * `devstack ports --all --json`: every listening port of the machine and every lease, conflicts
 * marked; then, in `remote`, the leases a team registry holds for other hosts.
 */
public final class MachinePortsJson {

    private MachinePortsJson() {
    }

    public static void print(MachinePortsReport report, PrintStream out) {
        JsonDocument.print(out, JsonDocument.COMMAND_SCHEMA_VERSION, json -> {
            json.writeArrayFieldStart("ports");
            for (MachinePort port : report.ports()) {
                json.writeStartObject();
                json.writeNumberField("port", port.port());
                json.writeBooleanField("listening", port.listening());
                JsonDocument.strings(json, "addresses", port.addresses());
                json.writeStringField("user", port.user());
                ProcessJson.write(json, port.process());
                LeaseJson.write(json, port.lease(), port.leaseAlive());
                json.writeStringField("conflict", port.conflict().map(LeaseConflict::describe).orElse(null));
                json.writeEndObject();
            }
            json.writeEndArray();
            RemoteLeaseJson.write(json, report.remote());
        });
    }
}
