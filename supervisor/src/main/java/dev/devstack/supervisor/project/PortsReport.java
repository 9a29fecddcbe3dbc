package dev.devstack.supervisor.project;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * A project's services and ports: live when its `up` runs ({@code supervisorPid} present),
 * remembered otherwise. {@code orphaned}: services of a devstack that died without stopping
 * them still run.
 */
public record PortsReport(String project, Path path, String instance, OptionalLong supervisorPid, boolean orphaned,
                          List<ServicePorts> services) {

    public PortsReport {
        services = List.copyOf(services);
    }

    public boolean running() {
        return supervisorPid.isPresent();
    }
}
