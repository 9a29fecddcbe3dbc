package dev.devstack.app;

import dev.devstack.store.RemoteLease;
import java.util.List;
import java.util.Objects;

/**
 * What `ports --all` and the dashboards' ports views show: this machine's ports ({@link MachinePort}),
 * then the leases a team registry holds for other hosts, by host and port (empty on the embedded
 * registry), and where the registry is ({@code registry}: its file, or a team registry's endpoints
 * and namespace). A remote lease's port is another machine's, so nothing here is probed or compared with it.
 */
public record MachinePortsReport(List<MachinePort> ports, List<RemoteLease> remote, String registry) {

    public MachinePortsReport {
        ports = List.copyOf(ports);
        remote = List.copyOf(remote);
        Objects.requireNonNull(registry, "registry");
    }
}
