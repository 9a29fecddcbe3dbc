package dev.devstack.supervisor.plan;

import dev.devstack.supervisor.config.DependencyGraph;
import dev.devstack.supervisor.config.StackConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything needed to run a stack: the configuration, the chosen ports, and each unit's launch plan. */
public record StackPlan(StackConfig config, String instance, PortPlan ports, List<ServicePlan> services) {

    public StackPlan {
        services = List.copyOf(services);
    }

    public Optional<ServicePlan> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** What each unit depends on: every unit (replica) of each service in its `depends_on`. */
    public DependencyGraph graph() {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (ServicePlan unit : services) {
            edges.put(unit.name(), unit.spec().dependsOn().stream()
                    .flatMap(d -> config.service(d.service()).orElseThrow().units().stream()).toList());
        }
        return new DependencyGraph(edges);
    }
}
