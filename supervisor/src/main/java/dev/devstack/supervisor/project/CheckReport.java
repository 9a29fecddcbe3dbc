package dev.devstack.supervisor.project;

import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.plan.PortAssignment;
import java.util.List;

/** What `devstack check` found: a valid configuration, its start waves and the ports `up` would choose now. */
public record CheckReport(StackConfig config, List<List<String>> waves, List<PortAssignment> ports) {

    public CheckReport {
        waves = List.copyOf(waves);
        ports = List.copyOf(ports);
    }
}
