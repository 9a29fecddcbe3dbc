package dev.devstack.app;

import dev.devstack.supervisor.config.DependencyGraph;
import dev.devstack.supervisor.config.Selection;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.config.StackSelection;
import dev.devstack.supervisor.plan.PortPlan;
import java.util.function.Consumer;

/** `devstack check`: validates the configuration and plans the ports without holding, recording or starting anything. */
public final class StackChecker {

    private StackChecker() {
    }

    /** @param selection the services `up` would start with the same names and profiles */
    public static CheckReport check(ProjectContext context, Selection selection, Consumer<String> warnings) {
        StackConfig config = StackSelection.select(context.loader().load(context.projectDir()), selection);
        LocalOverridesInGit.warning(context.projectDir()).ifPresent(warnings);
        Machine machine = new Machine(context, warnings);
        try (PortPlan ports = machine.leases.preview(config, machine.planner)) {
            return new CheckReport(config, DependencyGraph.of(config.services()).waves(), ports.assignments());
        }
    }
}
