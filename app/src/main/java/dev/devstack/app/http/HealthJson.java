package dev.devstack.app.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devstack.supervisor.json.DetailJson;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code GET /api/health}: whether the stack is well ({@code ok}), still {@code starting},
 * {@code stopping}, or {@code degraded} (a service is unhealthy, crashed, failed, blocked or waits
 * to be restarted), how long it has run, and how many services are in each state; with
 * {@code detailed}, each service's state, readiness and health results, uptime and restarts.
 */
final class HealthJson {

    /** What a health answer says, and the HTTP status that goes with it. */
    record Health(String status, byte[] body) {
        int httpStatus() {
            return status.equals("ok") ? 200 : 503;
        }
    }

    private HealthJson() {
    }

    static Health write(StackSnapshot snapshot, Instant since, Instant now, boolean detailed, CheckResults checks) {
        String status = status(snapshot);
        byte[] body = ApiJson.success(json -> {
            json.writeObjectFieldStart("data");
            json.writeStringField("status", status);
            json.writeStringField("phase", snapshot.phase().word());
            json.writeStringField("project", snapshot.project());
            json.writeStringField("instance", snapshot.instance());
            json.writeStringField("at", now.toString());
            seconds(json, "uptime", Duration.between(since, now));
            Map<String, Integer> counts = new TreeMap<>();
            snapshot.services().forEach(s -> counts.merge(s.state().word(), 1, Integer::sum));
            json.writeObjectFieldStart("states");
            for (Map.Entry<String, Integer> count : counts.entrySet()) {
                json.writeNumberField(count.getKey(), count.getValue());
            }
            json.writeEndObject();
            if (detailed) {
                json.writeArrayFieldStart("services");
                for (ServiceSnapshot service : snapshot.services()) {
                    service(json, service, now, checks);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        });
        return new Health(status, body);
    }

    static String status(StackSnapshot snapshot) {
        if (snapshot.phase() == StackPhase.STOPPING) {
            return "stopping";
        }
        boolean troubled = snapshot.services().stream().map(ServiceSnapshot::state).anyMatch(state ->
                state == ServiceState.UNHEALTHY || state == ServiceState.CRASHED || state == ServiceState.FAILED
                        || state == ServiceState.BLOCKED || state == ServiceState.BACKOFF);
        if (troubled) {
            return "degraded";
        }
        return snapshot.phase() == StackPhase.STARTING ? "starting" : "ok";
    }

    private static void service(JsonGenerator json, ServiceSnapshot service, Instant now, CheckResults checks)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("name", service.name());
        json.writeStringField("state", service.state().word());
        json.writeBooleanField("ready", service.state() == ServiceState.READY);
        Optional<Instant> started = service.startedAt().filter(s -> service.state().isAlive());
        if (started.isPresent()) {
            seconds(json, "uptime", Duration.between(started.get(), now));
        } else {
            json.writeNullField("uptime");
        }
        json.writeNumberField("restarts", service.restarts());
        result(json, "readiness", checks.readiness(service.name()));
        result(json, "health", checks.health(service.name()));
        json.writeEndObject();
    }

    private static void result(JsonGenerator json, String field, Optional<ServiceDetail> detail) throws IOException {
        if (detail.isPresent()) {
            DetailJson.write(json, field, detail.get());
        } else {
            json.writeNullField(field);
        }
    }

    private static void seconds(JsonGenerator json, String field, Duration duration) throws IOException {
        json.writeNumberField(field, Math.max(0, duration.toMillis()) / 1000.0);
    }
}
