package dev.devstack.cli;

import dev.devstack.app.MachinePorts;
import dev.devstack.app.MachinePortsReport;
import dev.devstack.app.PortsReport;
import dev.devstack.app.ProjectPorts;
import dev.devstack.app.ServicePorts;
import dev.devstack.app.json.MachinePortsJson;
import dev.devstack.app.json.PortsReportJson;
import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.plan.EnvironmentBuilder;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ports", header = "List the project's services with their ports, state, pid and URL.", description = {
        "Live while `devstack up` runs; otherwise the ports they had last time (state `stopped`).",
        "With --all: every listening TCP port of the machine and every devstack lease, conflicts marked; with a team"
                + " registry, then its leases on other hosts, marked remote."})
final class PortsCommand implements Callable<Integer>, ReadsConfiguration, OpensRegistry {

    @ParentCommand
    DevstackCommand parent;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Option(names = "--all", description = "Every listening port of the machine (with its process) and every lease;"
            + " a team registry's leases on other hosts too.")
    boolean all;

    @Option(names = "--require-running", description = {"Exit with " + ExitCodes.NOT_RUNNING + " when no `devstack up` runs the"
            + " project (state stopped or orphaned), after printing as usual: for scripts."})
    boolean requireRunning;

    @Spec
    CommandSpec spec;

    static final class Format {
        @Option(names = "--json", description = "Print JSON (schema in docs/cli.md).")
        boolean json;

        @Option(names = "--dotenv", description = "Print NAME_PORT=, NAME_HOST=, NAME_URL= lines for a .env file or"
                + " eval (`--env` chooses an environment of ports.yaml).")
        boolean env;
    }

    @Override
    public Integer call() throws Exception {
        CliContext cli = parent.cli();
        if (all) {
            if (format.env || requireRunning) {
                throw new ParameterException(spec.commandLine(), "--all cannot be combined with "
                        + (format.env ? "--dotenv" : "--require-running"));
            }
            MachinePortsReport ports = MachinePorts.readOnce(parent.project(), cli.warnings(), true);
            if (format.json) {
                MachinePortsJson.print(ports, cli.out());
            } else {
                MachinePortsOutput.table(ports, cli.clock().instant(), cli.out());
            }
            return ExitCodes.OK;
        }
        PortsReport report = ProjectPorts.read(parent.project(), cli.warnings());
        if (format.json) {
            PortsReportJson.print(report, cli.out());
        } else if (format.env) {
            env(report, cli.out());
        } else {
            PortsTable.print(report, cli.out());
        }
        return requireRunning && !report.running() ? ExitCodes.NOT_RUNNING : ExitCodes.OK;
    }

    /** The variables a service of the stack gets about the others: of a scaled service, its first replica, and all in _PORTS. */
    private static void env(PortsReport report, PrintStream out) {
        for (ServicePorts service : report.services()) {
            if (service.replica() != 0) {
                continue;
            }
            String prefix = ServiceSpec.variablePrefix(service.service());
            if (service.port().isPresent()) {
                out.println(prefix + "_PORT=" + service.port().getAsInt());
                out.println(prefix + "_PORTS=" + report.services().stream()
                        .filter(s -> s.service().equals(service.service()) && s.port().isPresent())
                        .map(s -> String.valueOf(s.port().getAsInt())).collect(Collectors.joining(",")));
                out.println(prefix + "_HOST=" + EnvironmentBuilder.HOST);
                out.println(prefix + "_URL=" + service.url().orElse(""));
            }
            service.namedPorts().forEach((name, port) ->
                    out.println(prefix + "_PORT_" + name.toUpperCase(Locale.ROOT) + "=" + port));
        }
    }
}
