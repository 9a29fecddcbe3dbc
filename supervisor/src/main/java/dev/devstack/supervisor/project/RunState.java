package dev.devstack.supervisor.project;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a running `up` publishes about itself in {@code .devstack/run.json}, so that commands in
 * other terminals see live states and pids. Valid while the supervisor process lives.
 */
public record RunState(String project, String instance, long supervisorPid, long supervisorStart,
                       List<Service> services) {

    public RunState {
        services = List.copyOf(services);
    }

    public record Service(String name, String state, OptionalLong pid, List<Port> ports, String detail) {
        public Service {
            ports = List.copyOf(ports);
        }
    }

    /** {@code name} is empty for the primary port. */
    public record Port(String name, int port, String reason) {
    }
}
