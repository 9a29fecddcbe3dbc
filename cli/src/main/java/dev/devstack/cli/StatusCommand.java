package dev.devstack.cli;

import dev.devstack.app.ProjectContext;
import dev.devstack.app.PublishedStack;
import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.json.StackSnapshotJson;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.DurationText;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.HostNames;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackSnapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", header = "Show the running stack's services: state, pid, ports, uptime.",
        description = {"Asks the project's running `devstack up` (attached or -d) over its control socket; if that does"
                + " not answer, shows what it last wrote to .devstack/run.json, and says so on stderr. While the agent"
                + " runs, each service's name (http://SERVICE.PROJECT.localhost:PORT, docs/names.md) is shown too.",
                "Exit 7 when no stack runs the project."})
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Option(names = "--json", description = "Print the stack-snapshot document (docs/json.md), as the control protocol sends it.")
    boolean json;

    @Override
    public Integer call() {
        CliContext cli = parent.cli();
        Path socket = ControlClient.socket(parent.project().home(), parent.project().projectDir().toString(),
                parent.project().instance());
        Optional<PublishedStack> stack;
        try (ControlClient client = ControlClient.connect(socket, "devstack status")) {
            stack = Optional.of(new PublishedStack(client.snapshot().snapshot(), client.hello().pid(),
                    client.hello().apiUrl()));
        } catch (IOException unanswered) {
            stack = PublishedStack.read(parent.project());
            stack.ifPresent(published -> cli.err().println("devstack: the stack's control socket does not answer ("
                    + unanswered.getMessage() + "); showing what devstack pid " + published.supervisorPid()
                    + " last wrote to .devstack/run.json"));
        }
        if (stack.isEmpty()) {
            cli.err().println("devstack: no stack runs here (" + parent.project().projectDir()
                    + "); `devstack up` or `devstack up -d` starts one");
            return ExitCodes.NOT_RUNNING;
        }
        if (json) {
            StackSnapshotJson.write(stack.get().snapshot(), cli.out());
            cli.out().println();
        } else {
            table(stack.get(), cli.clock().instant(), cli.out());
        }
        return ExitCodes.OK;
    }

    private void table(PublishedStack stack, Instant now, PrintStream out) {
        StackSnapshot snapshot = stack.snapshot();
        String label = parent.project().instanceLabel();
        out.println(snapshot.project() + " (" + parent.project().projectDir()
                + (label.equals(ProjectContext.DEFAULT_INSTANCE) ? "" : ", instance " + label) + "): "
                + snapshot.phase().word()
                + ", devstack pid " + stack.supervisorPid() + stack.apiUrl().map(url -> ", web page and HTTP API " + url + "/").orElse(""));
        Optional<AgentStarter.Running> agent = AgentStarter.running(parent.project().home(), "devstack status");
        List<String[]> rows = new ArrayList<>();
        rows.add(agent.isPresent() ? new String[] {"SERVICE", "STATE", "PID", "PORT(S)", "NAME", "UPTIME", "RESTARTS",
                "DETAIL"} : new String[] {"SERVICE", "STATE", "PID", "PORT(S)", "UPTIME", "RESTARTS", "DETAIL"});
        for (ServiceSnapshot service : snapshot.services()) {
            List<String> ports = new ArrayList<>();
            for (PortAssignment port : snapshot.ports()) {
                if (port.service().equals(service.name())) {
                    ports.add(port.primary() ? String.valueOf(port.port()) : port.portName() + "=" + port.port());
                }
            }
            String pid = service.pid().isPresent() ? String.valueOf(service.pid().getAsLong()) : "-";
            if (service.listener().isPresent() && service.listener().getAsLong() != service.pid().orElse(0)) {
                pid += " (listener " + service.listener().getAsLong() + ")";
            }
            String uptime = service.state().isAlive() ? service.startedAt()
                    .map(since -> DurationText.of(Duration.between(since, now))).orElse("-") : "-";
            List<String> row = new ArrayList<>(List.of(service.name(), service.state().word(), pid,
                    ports.isEmpty() ? "-" : String.join(" ", ports), uptime, String.valueOf(service.restarts()),
                    DetailText.of(service.detail())));
            agent.ifPresent(running -> row.add(4, service.ports().isEmpty() ? "-" : HostNames.url(HostNames.service(
                    HostNames.serviceOf(service.name()), snapshot.instance(), snapshot.project()), running.port())));
            rows.add(row.toArray(String[]::new));
        }
        Table.print(rows, out);
    }
}
