package dev.devstack.cli;

import dev.devstack.app.CheckReport;
import dev.devstack.app.StackChecker;
import dev.devstack.supervisor.config.Dependency;
import dev.devstack.supervisor.config.Selection;
import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.model.PortAssignment;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "check", header = "Validate the configuration and show the plan, starting nothing.",
        description = "Validates ports.yaml (or Procfile and .env) and shows the start order and the port each service"
                + " would get now, and why. Starts, holds and records nothing. With services or `--profile`, only"
                + " what `up` would start with the same choice.")
final class CheckCommand implements Callable<Integer>, ReadsConfiguration, OpensRegistry {

    @ParentCommand
    DevstackCommand parent;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Check only these services and what they need.")
    List<String> services = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME", split = ",", description = "Also the services of this profile,"
            + " as `up --profile` would start them.")
    List<String> profiles = new ArrayList<>();

    @Override
    public Integer call() {
        CliContext cli = parent.cli();
        CheckReport report = StackChecker.check(parent.project(), new Selection(services, profiles), cli.warnings());
        StackConfig config = report.config();
        PrintStream out = cli.out();
        config.warnings().forEach(warning -> cli.err().println("devstack: warning: " + warning));
        out.println(config.source() + " is valid: " + config.services().size() + " service"
                + (config.services().size() == 1 ? "" : "s") + " in project " + config.project());
        out.println();
        out.println("start order:");
        for (int i = 0; i < report.waves().size(); i++) {
            String wave = report.waves().get(i).stream().map(name -> withDependencies(config, name))
                    .collect(Collectors.joining(", "));
            out.println("  " + (i + 1) + ". " + wave);
        }
        out.println();
        out.println("ports (if the stack started now):");
        List<String[]> rows = new ArrayList<>();
        for (String unit : config.services().stream().flatMap(s -> s.units().stream()).toList()) {
            List<PortAssignment> ports = report.ports().stream().filter(p -> p.service().equals(unit)).toList();
            if (ports.isEmpty()) {
                rows.add(new String[] {"  " + unit, "-", "no port"});
            }
            for (PortAssignment port : ports) {
                String name = port.primary() ? unit : unit + " (" + port.portName() + ")";
                rows.add(new String[] {"  " + name, String.valueOf(port.port()), port.reason().describe()});
            }
        }
        Table.print(rows, out);
        return ExitCodes.OK;
    }

    private static String withDependencies(StackConfig config, String name) {
        List<Dependency> dependencies = config.service(name).map(ServiceSpec::dependsOn).orElse(List.of());
        if (dependencies.isEmpty()) {
            return name;
        }
        return name + " (after " + dependencies.stream().map(d -> d.service() + " is " + d.condition().word())
                .collect(Collectors.joining(" and ")) + ")";
    }
}
