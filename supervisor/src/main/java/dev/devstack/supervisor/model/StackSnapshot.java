package dev.devstack.supervisor.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The whole stack at one moment: its phase, its services in configuration order, every port it
 * was given and why (they do not change while it runs), the service its configuration made the
 * project's front door ({@code front_door}: the agent gives it the project's own name), and what
 * each unit waits for ({@code dependencies}, in configuration order; a reload may change them).
 */
public record StackSnapshot(String project, String instance, Instant at, StackPhase phase,
                            List<ServiceSnapshot> services, List<PortAssignment> ports, Optional<String> frontDoor,
                            List<UnitDependency> dependencies) {

    public StackSnapshot {
        services = List.copyOf(services);
        ports = List.copyOf(ports);
        dependencies = List.copyOf(dependencies);
    }

    /** A snapshot of a stack whose units depend on nothing. */
    public StackSnapshot(String project, String instance, Instant at, StackPhase phase,
                         List<ServiceSnapshot> services, List<PortAssignment> ports, Optional<String> frontDoor) {
        this(project, instance, at, phase, services, ports, frontDoor, List.of());
    }

    /** A snapshot of a stack without a front door, whose units depend on nothing. */
    public StackSnapshot(String project, String instance, Instant at, StackPhase phase,
                         List<ServiceSnapshot> services, List<PortAssignment> ports) {
        this(project, instance, at, phase, services, ports, Optional.empty(), List.of());
    }

    public Optional<ServiceSnapshot> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
