package dev.devstack.app.json;

import dev.devstack.app.PortsReport;
import dev.devstack.app.ServicePorts;
import dev.devstack.supervisor.json.JsonDocument;
import dev.devstack.supervisor.plan.EnvironmentBuilder;
import java.io.PrintStream;
import java.util.Map;

/** `devstack ports --json`: a project's services with their state, pids and ports. */
public final class PortsReportJson {

    private PortsReportJson() {
    }

    public static void print(PortsReport report, PrintStream out) {
        JsonDocument.print(out, JsonDocument.COMMAND_SCHEMA_VERSION, json -> {
            json.writeStringField("project", report.project());
            json.writeStringField("path", report.path().toString());
            json.writeStringField("instance", report.instance());
            json.writeStringField("state", report.state().word());
            json.writeBooleanField("running", report.running());
            json.writeBooleanField("orphaned", report.orphaned());
            JsonDocument.number(json, "supervisor_pid", report.supervisorPid());
            json.writeArrayFieldStart("services");
            for (ServicePorts service : report.services()) {
                json.writeStartObject();
                json.writeStringField("name", service.name());
                json.writeStringField("state", service.state());
                JsonDocument.number(json, "pid", service.pid());
                JsonDocument.number(json, "listener_pid", service.listener());
                JsonDocument.number(json, "port", service.port());
                json.writeStringField("host", service.port().isPresent() ? EnvironmentBuilder.HOST : null);
                json.writeObjectFieldStart("ports");
                for (Map.Entry<String, Integer> named : service.namedPorts().entrySet()) {
                    json.writeNumberField(named.getKey(), named.getValue());
                }
                json.writeEndObject();
                json.writeStringField("url", service.url().orElse(null));
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }
}
