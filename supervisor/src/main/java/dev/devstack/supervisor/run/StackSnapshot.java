package dev.devstack.supervisor.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The whole stack at one moment, services in configuration order. */
public record StackSnapshot(String project, String instance, Instant at, List<ServiceSnapshot> services) {

    public StackSnapshot {
        services = List.copyOf(services);
    }

    public Optional<ServiceSnapshot> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
