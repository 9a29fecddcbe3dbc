package dev.devstack.cli;

import dev.devstack.app.Leases;
import dev.devstack.app.PortOccupant;
import dev.devstack.app.Who;
import dev.devstack.app.WhoReport;
import dev.devstack.app.json.WhoReportJson;
import dev.devstack.detect.ProcessDetails;
import dev.devstack.store.Lease;
import dev.devstack.store.RemoteLease;
import dev.devstack.supervisor.model.DurationText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "who", header = "Show which process listens on a port, and its devstack lease.",
        description = "Shows what listens on PORT (IPv4 and IPv6): pid, name, command line, user, start time, working"
                + " folder, and the devstack project and service that lease it; with a team registry also its"
                + " leases of PORT on other hosts, marked remote. Exit 1 when nothing listens here.")
final class WhoCommand implements Callable<Integer>, OpensRegistry {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PORT", description = "A TCP port, 1-65535.")
    int port;

    @Option(names = "--json", description = "Print JSON (schema in docs/cli.md).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "PORT must be 1-65535, not " + port);
        }
        CliContext cli = parent.cli();
        WhoReport report = Who.port(parent.project(), port, cli.warnings());
        if (json) {
            WhoReportJson.print(report, cli.out());
        } else {
            print(report, cli.out(), cli.clock().instant());
        }
        return report.listening() ? ExitCodes.OK : ExitCodes.NOT_FOUND;
    }

    static void print(WhoReport report, PrintStream out, Instant now) {
        if (!report.listening()) {
            out.println("nothing listens on port " + report.port()
                    + report.lease().map(l -> "; devstack has leased it to " + lease(l, report.leaseAlive(), now)).orElse(""));
            remote(report, out, now);
            return;
        }
        for (PortOccupant holder : report.holders()) {
            if (holder.process().isEmpty()) {
                out.println("port " + report.port() + (holder.foreign()
                        ? ": held by another user's process (" + holder.user() + "); its pid is hidden from you"
                        : ": held by a process of " + holder.user() + " that devstack cannot see (in another"
                                + " container or PID namespace?)"));
                row(out, "listening", String.join(", ", holder.addresses()));
                continue;
            }
            ProcessDetails process = holder.process().get();
            out.println("port " + report.port() + ": pid " + process.info().pid() + ", " + process.name());
            row(out, "command", process.info().commandLine().replace("\n", "\\n"));
            row(out, "listening", String.join(", ", holder.addresses()));
            row(out, "user", holder.user());
            Instant started = Instant.ofEpochMilli(process.info().startMillis());
            row(out, "started", WHEN.format(started.atZone(ZoneId.systemDefault())) + " ("
                    + DurationText.of(Duration.between(started, now)) + " ago)");
            row(out, "folder", process.workingDir().map(Path::toString).orElse("(not readable)"));
        }
        report.lease().ifPresent(l -> row(out, "devstack", lease(l, report.leaseAlive(), now)));
        remote(report, out, now);
    }

    /** The same port number leased on other hosts: another machine's port, said so on every line. */
    private static void remote(WhoReport report, PrintStream out, Instant now) {
        for (RemoteLease remote : report.remote()) {
            Lease lease = remote.lease();
            row(out, "remote", lease.owner().describe() + " on host " + remote.host() + " (user " + lease.user() + ", "
                    + Leases.holder(lease, now) + ")");
        }
    }

    private static String lease(Lease lease, boolean alive, Instant now) {
        return lease.owner().describe() + " (" + Leases.holder(lease, now)
                + (alive ? (lease.processBound() ? ", running)" : ")") : "; it has ended: a stale lease)");
    }

    private static void row(PrintStream out, String name, String value) {
        out.println("  " + name + " ".repeat(10 - name.length()) + value);
    }
}
