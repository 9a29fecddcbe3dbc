package dev.devstack.cli;

import dev.devstack.supervisor.json.JsonDocument;
import dev.devstack.supervisor.model.HostNames;
import dev.devstack.supervisor.model.StackSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "open", header = "Open a service of the running stack by its name in your browser.",
        description = {"Opens http://SERVICE.PROJECT.localhost:PORT (docs/names.md), starting the agent that serves"
                + " names if none runs. Without SERVICE: the project's front door (`front_door` in ports.yaml), else"
                + " its first service with a port.",
                "Exit 7 when no stack runs the project, 1 when it has no such service with a port."})
final class OpenCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Parameters(arity = "0..1", paramLabel = "SERVICE", description = "The service to open.")
    String service;

    @Option(names = "--no-open", description = "Open nothing: print the address (for a script, or another machine).")
    boolean noOpen;

    @Option(names = "--json", description = "Print {url, service, opened_with} as JSON (docs/json.md).")
    boolean json;

    @Override
    public Integer call() {
        CliContext cli = parent.cli();
        return StackSocket.talk(parent, StackSocket.by("open"), stack -> {
            StackSnapshot snapshot = stack.snapshot().snapshot();
            List<String> named = snapshot.services().stream().filter(unit -> !unit.ports().isEmpty())
                    .map(unit -> HostNames.serviceOf(unit.name())).distinct().toList();
            Optional<String> chosen = Optional.ofNullable(service).or(snapshot::frontDoor)
                    .or(() -> named.stream().findFirst());
            if (chosen.isEmpty() || !named.contains(chosen.get())) {
                cli.err().println("devstack: " + (chosen.isEmpty() ? "no service of " + snapshot.project()
                        + " has a port, so none has a name" : "no service of " + snapshot.project() + " with a port"
                        + " is called `" + chosen.get() + "`; " + (named.isEmpty() ? "none has a port"
                        : "those with one: " + String.join(", ", named))));
                return ExitCodes.NOT_FOUND;
            }
            AgentStarter.Running agent;
            try {
                agent = AgentStarter.ensure(parent.project().home(), "devstack open", List.of());
            } catch (AgentStarter.NotStarted e) {
                return AgentFailure.report(cli, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.INTERNAL;
            }
            boolean frontDoor = service == null && snapshot.frontDoor().isPresent();
            String url = HostNames.url(frontDoor ? HostNames.stack(snapshot.instance(), snapshot.project())
                    : HostNames.service(chosen.get(), snapshot.instance(), snapshot.project()), agent.port());
            Optional<String> opener = noOpen ? Optional.empty() : BrowserOpener.open(cli.environment(), url);
            if (json) {
                JsonDocument.print(cli.out(), JsonDocument.COMMAND_SCHEMA_VERSION, out -> {
                    out.writeStringField("url", url);
                    out.writeStringField("service", chosen.get());
                    out.writeStringField("opened_with", opener.orElse(null));
                });
                return ExitCodes.OK;
            }
            cli.out().println(url);
            if (!noOpen) {
                cli.err().println(opener.map(command -> "devstack: opened with " + command)
                        .orElse("devstack: no browser to open it with here (set BROWSER); open the address above"));
            }
            return ExitCodes.OK;
        });
    }
}
