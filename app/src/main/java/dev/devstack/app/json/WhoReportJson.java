package dev.devstack.app.json;

import dev.devstack.app.PortOccupant;
import dev.devstack.app.WhoReport;
import dev.devstack.detect.ProcessDetails;
import dev.devstack.supervisor.json.JsonDocument;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Optional;

/** `devstack who PORT --json`: the processes listening on a port, its lease, and other hosts' leases on it. */
public final class WhoReportJson {

    private WhoReportJson() {
    }

    public static void print(WhoReport report, PrintStream out) {
        JsonDocument.print(out, JsonDocument.COMMAND_SCHEMA_VERSION, fields(report));
    }

    /** The same document on one line, for a program at the other end (the agent's socket and HTTP API). */
    public static void write(WhoReport report, OutputStream out) {
        JsonDocument.writeCompact(out, JsonDocument.COMMAND_SCHEMA_VERSION, fields(report));
    }

    private static JsonDocument.Fields fields(WhoReport report) {
        return json -> {
            json.writeNumberField("port", report.port());
            json.writeBooleanField("listening", report.listening());
            json.writeArrayFieldStart("holders");
            for (PortOccupant holder : report.holders()) {
                json.writeStartObject();
                JsonDocument.strings(json, "addresses", holder.addresses());
                json.writeStringField("user", holder.user());
                json.writeBooleanField("visible", holder.process().isPresent());
                json.writeBooleanField("other_user", holder.foreign());
                Optional<ProcessDetails> process = holder.process();
                ProcessJson.write(json, process.map(ProcessDetails::info));
                json.writeStringField("name", process.map(ProcessDetails::name).orElse(null));
                json.writeStringField("cwd", process.flatMap(ProcessDetails::workingDir).map(Object::toString).orElse(null));
                json.writeEndObject();
            }
            json.writeEndArray();
            LeaseJson.write(json, report.lease(), report.leaseAlive());
            RemoteLeaseJson.write(json, report.remote());
        };
    }
}
