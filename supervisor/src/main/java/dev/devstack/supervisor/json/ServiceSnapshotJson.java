package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import java.io.IOException;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.OptionalLong;

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

    static ServiceSnapshot read(JsonNode service, String where) throws JsonMappingException {
        JsonFields fields = JsonFields.of(service, where);
        return new ServiceSnapshot(
                fields.read("name", String.class),
                fields.read("state", ServiceState.class),
                fields.read("pid", OptionalLong.class),
                fields.read("listener_pid", OptionalLong.class),
                fields.list("ports", (port, at) -> RecordJsonReader.read(port, Integer.class, at)),
                fields.optional("started_at", Instant.class),
                fields.read("exit_code", OptionalInt.class),
                fields.read("restarts", Integer.class),
                DetailJson.read(fields.get("detail"), fields.where("detail")));
    }
}
