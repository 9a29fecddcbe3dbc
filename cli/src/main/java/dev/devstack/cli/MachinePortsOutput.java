package dev.devstack.cli;

import dev.devstack.app.Leases;
import dev.devstack.app.MachinePort;
import dev.devstack.store.Lease;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** `devstack ports --all`: every listening port and every lease of the machine, as a table (JSON: app.json.MachinePortsJson). */
final class MachinePortsOutput {

    private MachinePortsOutput() {
    }

    static void table(List<MachinePort> ports, Instant now, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PORT", "ADDRESS", "PID", "USER", "DEVSTACK LEASE", "PROCESS"});
        List<String> conflicts = new ArrayList<>();
        for (MachinePort port : ports) {
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
    }

    /** "shop/api (devstack pid 4242)": whose it is, what keeps it, and whether that has ended. */
    private static String lease(Lease lease, boolean alive, Instant now) {
        return Leases.shortName(lease.owner()) + " (" + Leases.holder(lease, now) + (alive ? ")" : ", ended)");
    }
}
