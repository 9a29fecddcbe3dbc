package dev.devstack.cli;

import dev.devstack.app.Leases;
import dev.devstack.app.MachinePort;
import dev.devstack.app.MachinePortsReport;
import dev.devstack.store.Lease;
import dev.devstack.store.RemoteLease;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * `devstack ports --all`: every listening port and every lease of the machine, as a table, then the
 * team registry's leases on other hosts as a table of their own, marked remote: their ports are
 * another machine's, so they have no address or process here (JSON: app.json.MachinePortsJson).
 */
final class MachinePortsOutput {

    private MachinePortsOutput() {
    }

    static void table(MachinePortsReport report, Instant now, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PORT", "ADDRESS", "PID", "USER", "DEVSTACK LEASE", "PROCESS"});
        List<String> conflicts = new ArrayList<>();
        for (MachinePort port : report.ports()) {
            rows.add(new String[] {Integer.toString(port.port()),
                port.listening() ? String.join(", ", port.addresses()) : "not listening",
                port.process().map(p -> Long.toString(p.pid())).orElse("-"),
                port.user(),
                port.lease().map(l -> lease(l, port.leaseAlive(), now)).orElse("-"),
                port.process().map(p -> p.commandLine().replace("\n", "\\n")).orElse(port.listening() ? "(not visible)" : "-")});
            port.conflict().ifPresent(conflict -> conflicts.add("port " + port.port() + ": " + conflict.describe()));
        }
        Table.print(rows, out);
        if (!conflicts.isEmpty()) {
            out.println();
            conflicts.forEach(conflict -> out.println("CONFLICT " + conflict));
        }
        if (!report.remote().isEmpty()) {
            out.println();
            out.println("Remote, on other hosts (" + report.registry() + "):");
            remote(report.remote(), out);
        }
    }

    /** Four narrow columns, so that the table stays whole in 80 columns beside the wide one above. */
    private static void remote(List<RemoteLease> remote, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"HOST", "PORT", "OWNER", "USER"});
        for (RemoteLease entry : remote) {
            Lease lease = entry.lease();
            rows.add(new String[] {entry.host(), Integer.toString(lease.port()), lease.owner().describe(), lease.user()});
        }
        Table.print(rows, out);
    }

    /** "shop/api (devstack pid 4242)": whose it is, what keeps it, and whether that has ended. */
    private static String lease(Lease lease, boolean alive, Instant now) {
        return Leases.shortName(lease.owner()) + " (" + Leases.holder(lease, now) + (alive ? ")" : ", ended)");
    }
}
