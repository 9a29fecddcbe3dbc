package dev.devstack.cli;

import dev.devstack.app.Leases;
import dev.devstack.app.ManualLeases;
import dev.devstack.store.Lease;
import dev.devstack.store.ProcessRecord;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "gc", header = "Remove leases and process records whose process has ended.",
        description = "Removes leases whose process has ended or whose time is up, and records of service processes that"
                + " have ended, and prints what was removed. `up` and `claim` do the same for leases on their way.")
final class GcCommand implements Callable<Integer>, OpensRegistry {

    @ParentCommand
    DevstackCommand parent;

    @Override
    public Integer call() {
        CliContext cli = parent.cli();
        ManualLeases.Collected collected = ManualLeases.of(parent.project(),
                cli.warnings()).gc();
        Instant now = cli.clock().instant();
        for (Lease lease : collected.leases()) {
            cli.out().println("removed the lease of port " + lease.port() + " (" + lease.owner().describe() + ", "
                    + Leases.holder(lease, now) + ")");
        }
        for (ProcessRecord record : collected.processes()) {
            cli.out().println("forgot " + record.service() + " of " + record.project() + " (pid " + record.pid()
                    + ", ended)");
        }
        if (collected.leases().isEmpty() && collected.processes().isEmpty()) {
            cli.out().println("nothing to remove");
        }
        return ExitCodes.OK;
    }
}
