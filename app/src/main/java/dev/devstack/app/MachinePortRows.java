package dev.devstack.app;

import dev.devstack.app.view.PortLease;
import dev.devstack.app.view.PortProcess;
import dev.devstack.app.view.PortRow;
import dev.devstack.app.view.PortRows;
import dev.devstack.store.Lease;
import dev.devstack.store.RemoteLease;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The machine's ports as the dashboard's rows, with the leases of one project told from the others'. */
final class MachinePortRows implements PortRows {

    private final MachinePorts machine;
    private final String projectDir;

    MachinePortRows(MachinePorts machine, Path projectDir) {
        this.machine = machine;
        this.projectDir = projectDir.toString();
    }

    @Override
    public List<PortRow> read() {
        return rows(machine.read(false), projectDir);
    }

    static List<PortRow> rows(MachinePortsReport report, String projectDir) {
        return Stream.concat(report.ports().stream().map(port -> row(port, projectDir)),
                report.remote().stream().map(MachinePortRows::row)).toList();
    }

    static PortRow row(MachinePort port, String projectDir) {
        return new PortRow(port.port(), port.addresses(),
                port.process().map(p -> new PortProcess(p.pid(), p.commandLine(), p.describe())),
                port.processGroup(), port.user(),
                port.lease().map(l -> new PortLease(Leases.shortName(l.owner()), l.owner().project().equals(projectDir))),
                port.conflict().isPresent(), "");
    }

    /** Never this project's: the same folder on another host is another checkout. */
    static PortRow row(RemoteLease remote) {
        Lease lease = remote.lease();
        return PortRow.remote(remote.host(), lease.port(), lease.user(), new PortLease(Leases.shortName(lease.owner()), false));
    }
}
