package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devstack.supervisor.model.ServiceSnapshot;
import java.io.IOException;

/** One service of a stack snapshot: its state, processes, ports, start, last exit and restarts. */
public final class ServiceSnapshotJson {

    private ServiceSnapshotJson() {
    }

    public static void write(JsonGenerator json, ServiceSnapshot service) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", service.name());
        json.writeStringField("state", service.state().word());
        JsonDocument.number(json, "pid", service.pid());
        JsonDocument.number(json, "listener_pid", service.listener());
        json.writeArrayFieldStart("ports");
        for (int port : service.ports()) {
            json.writeNumber(port);
        }
        json.writeEndArray();
        json.writeStringField("started_at", service.startedAt().map(Object::toString).orElse(null));
        JsonDocument.number(json, "exit_code", service.exitCode());
        json.writeNumberField("restarts", service.restarts());
        DetailJson.write(json, service.detail());
        json.writeEndObject();
    }
}
