package dev.devstack.app;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * A project's services and ports: live when its `up` runs ({@code supervisorPid} present),
 * remembered otherwise; {@code state} says which, and how far the stack is.
 */
public record PortsReport(String project, Path path, String instance, ProjectState state, OptionalLong supervisorPid,
                          List<ServicePorts> services) {

    public PortsReport {
        services = List.copyOf(services);
    }

    public boolean running() {
        return state.running();
    }

    public boolean orphaned() {
        return state == ProjectState.ORPHANED;
    }
}
