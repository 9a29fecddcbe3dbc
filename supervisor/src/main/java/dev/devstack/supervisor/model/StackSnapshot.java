package dev.devstack.supervisor.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The whole stack at one moment: its phase, its services in configuration order, and every port it
 * was given and why (they do not change while it runs).
 */
public record StackSnapshot(String project, String instance, Instant at, StackPhase phase,
                            List<ServiceSnapshot> services, List<PortAssignment> ports) {

    public StackSnapshot {
        services = List.copyOf(services);
        ports = List.copyOf(ports);
    }

    public Optional<ServiceSnapshot> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
