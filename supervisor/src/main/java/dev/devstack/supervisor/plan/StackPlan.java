package dev.devstack.supervisor.plan;

import dev.devstack.supervisor.config.DependencyGraph;
import dev.devstack.supervisor.config.StackConfig;
import java.util.List;
import java.util.Optional;

/** Everything needed to run a stack: the configuration, the chosen ports, and each service's launch plan. */
public record StackPlan(StackConfig config, String instance, PortPlan ports, List<ServicePlan> services) {

    public StackPlan {
        services = List.copyOf(services);
    }

    public Optional<ServicePlan> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public DependencyGraph graph() {
        return DependencyGraph.of(config.services());
    }
}
