package dev.devstack.cli;

import dev.devstack.app.PortsReport;
import dev.devstack.app.ServicePorts;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The table of `devstack ports`, also printed by `up -d` once the stack is ready. */
final class PortsTable {

    private PortsTable() {
    }

    static void print(PortsReport report, PrintStream out) {
        out.println(report.project() + " (" + report.path() + "): " + switch (report.state()) {
            case STARTING, RUNNING, STOPPING -> report.state().word() + ", devstack pid "
                    + report.supervisorPid().getAsLong();
            case ORPHANED -> "orphaned: its devstack ended without stopping it; `devstack down` ends it";
            case STOPPED -> "stopped (no `devstack up` runs it); ports shown are the ones it had last time";
        });
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SERVICE", "PORT(S)", "STATE", "PID", "URL"});
        for (ServicePorts service : report.services()) {
            List<String> ports = new ArrayList<>();
            service.port().ifPresent(p -> ports.add(String.valueOf(p)));
            service.namedPorts().forEach((name, port) -> ports.add(name + "=" + port));
            String pid = service.pid().isPresent() ? String.valueOf(service.pid().getAsLong()) : "-";
            if (service.listener().isPresent()) {
                pid += " (listener " + service.listener().getAsLong() + ")";
            }
            rows.add(new String[] {service.name(), ports.isEmpty() ? "-" : String.join(" ", ports), service.state(),
                    pid, service.url().orElse("-")});
        }
        Table.print(rows, out);
    }
}
