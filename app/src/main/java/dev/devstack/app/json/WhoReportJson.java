package dev.devstack.app.json;

import dev.devstack.app.PortOccupant;
import dev.devstack.app.WhoReport;
import dev.devstack.detect.ProcessDetails;
import java.io.PrintStream;
import java.time.Instant;

/** `devstack who PORT --json`: the processes listening on a port and its lease. */
public final class WhoReportJson {

    private WhoReportJson() {
    }

    public static void print(WhoReport report, PrintStream out) {
        JsonDocument.print(out, JsonDocument.COMMAND_SCHEMA_VERSION, json -> {
            json.writeNumberField("port", report.port());
            json.writeBooleanField("listening", report.listening());
            json.writeArrayFieldStart("holders");
            for (PortOccupant holder : report.holders()) {
                json.writeStartObject();
                JsonDocument.strings(json, "addresses", holder.addresses());
                json.writeStringField("user", holder.user());
                json.writeBooleanField("visible", holder.process().isPresent());
                json.writeBooleanField("other_user", holder.foreign());
                ProcessDetails process = holder.process().orElse(null);
                if (process == null) {
                    for (String field : new String[] {"pid", "name", "command", "started_at", "cwd"}) {
                        json.writeNullField(field);
                    }
                } else {
                    json.writeNumberField("pid", process.info().pid());
                    json.writeStringField("name", process.name());
                    json.writeStringField("command", process.info().commandLine());
                    json.writeStringField("started_at", Instant.ofEpochMilli(process.info().startMillis()).toString());
                    json.writeStringField("cwd", process.workingDir().map(Object::toString).orElse(null));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            LeaseJson.write(json, report.lease(), report.leaseAlive());
        });
    }
}
