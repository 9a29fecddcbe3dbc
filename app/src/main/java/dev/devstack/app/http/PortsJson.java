package dev.devstack.app.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devstack.supervisor.model.HostNames;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.plan.EnvironmentBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code GET /api/ports}: in the shape ManitoDebug's {@code /api/ports} made familiar, {@code data}
 * with one entry per service (its primary port, host, named ports and URL) and {@code urls}, each
 * service's URL by name; beside them the project, instance and the API's own URL ({@code api_url}),
 * which is not in {@code urls} since a service may well be called "api"; and {@code names}, each
 * service's name through the agent when the stack's URLs are names (then {@code urls} are those).
 */
final class PortsJson {

    private PortsJson() {
    }

    static byte[] write(StackSnapshot snapshot, Optional<String> apiUrl, OptionalInt agentPort) {
        return ApiJson.success(json -> {
            json.writeStringField("project", snapshot.project());
            json.writeStringField("instance", snapshot.instance());
            json.writeStringField("api_url", apiUrl.orElse(null));
            json.writeObjectFieldStart("data");
            for (ServiceSnapshot service : snapshot.services()) {
                entry(json, snapshot, service.name(), ports(snapshot, service.name()), agentPort);
            }
            json.writeEndObject();
            json.writeObjectFieldStart("urls");
            for (ServiceSnapshot service : snapshot.services()) {
                Optional<PortAssignment> primary = ports(snapshot, service.name()).stream()
                        .filter(PortAssignment::primary).findFirst();
                if (primary.isPresent()) {
                    json.writeStringField(service.name(), url(snapshot, service.name(), primary.get(), agentPort));
                }
            }
            json.writeEndObject();
            json.writeObjectFieldStart("names");
            if (agentPort.isPresent()) {
                for (ServiceSnapshot service : snapshot.services()) {
                    if (!service.ports().isEmpty()) {
                        json.writeStringField(service.name(), name(snapshot, service.name(), agentPort.getAsInt()));
                    }
                }
            }
            json.writeEndObject();
        });
    }

    private static List<PortAssignment> ports(StackSnapshot snapshot, String service) {
        return snapshot.ports().stream().filter(p -> p.service().equals(service)).toList();
    }

    private static String url(StackSnapshot snapshot, String service, PortAssignment primary, OptionalInt agentPort) {
        return agentPort.isPresent() ? name(snapshot, service, agentPort.getAsInt()) : EnvironmentBuilder.url(primary.port());
    }

    private static String name(StackSnapshot snapshot, String unit, int agentPort) {
        return HostNames.url(HostNames.service(HostNames.serviceOf(unit), snapshot.instance(), snapshot.project()),
                agentPort);
    }

    private static void entry(JsonGenerator json, StackSnapshot snapshot, String service, List<PortAssignment> ports,
                              OptionalInt agentPort) throws IOException {
        Optional<PortAssignment> primary = ports.stream().filter(PortAssignment::primary).findFirst();
        json.writeObjectFieldStart(service);
        if (primary.isPresent()) {
            json.writeNumberField("port", primary.get().port());
        } else {
            json.writeNullField("port");
        }
        json.writeStringField("host", EnvironmentBuilder.HOST);
        json.writeObjectFieldStart("ports");
        for (PortAssignment named : ports) {
            if (!named.primary()) {
                json.writeNumberField(named.portName(), named.port());
            }
        }
        json.writeEndObject();
        json.writeStringField("url", primary.map(p -> url(snapshot, service, p, agentPort)).orElse(null));
        json.writeEndObject();
    }
}
