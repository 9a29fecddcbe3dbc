package dev.devstack.app;

import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.model.PortAssignment;
import java.util.List;

/** What `devstack check` found: a valid configuration, its start waves and the ports `up` would choose now. */
public record CheckReport(StackConfig config, List<List<String>> waves, List<PortAssignment> ports) {

    public CheckReport {
        waves = List.copyOf(waves);
        ports = List.copyOf(ports);
    }
}
