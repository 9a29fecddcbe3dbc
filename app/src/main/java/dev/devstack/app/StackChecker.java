package dev.devstack.app;

import dev.devstack.supervisor.config.ConfigLoader;
import dev.devstack.supervisor.config.DependencyGraph;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.plan.PortPlan;
import java.util.function.Consumer;

/** `devstack check`: validates the configuration and plans the ports without holding, recording or starting anything. */
public final class StackChecker {

    private StackChecker() {
    }

    public static CheckReport check(ProjectContext context, Consumer<String> warnings) {
        StackConfig config = new ConfigLoader(context.environment()).load(context.projectDir());
        Machine machine = new Machine(context, warnings);
        try (PortPlan ports = machine.leases.preview(config, machine.planner)) {
            return new CheckReport(config, DependencyGraph.of(config.services()).waves(), ports.assignments());
        }
    }
}
