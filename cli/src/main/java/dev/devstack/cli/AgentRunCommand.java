package dev.devstack.cli;

import dev.devstack.agent.Agent;
import dev.devstack.agent.AgentSettings;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "run", header = "Run the agent in this terminal (what `agent start` runs in the background).",
        description = "Logs what it does to stdout; Ctrl-C or `devstack agent stop` ends it.")
final class AgentRunCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @ParentCommand
    AgentCommand agent;

    @Option(names = "--port", paramLabel = "N", description = "Serve names on this port, and keep it for next time"
            + " (default: $DEVSTACK_AGENT_PORT, else the port it had last, else 2080).")
    Integer port;

    @Option(names = "--idle-exit", paramLabel = "DURATION", description = "End after this long without a running"
            + " stack or a request (90s, 10m, 2h; default: 30m).")
    String idleExit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CliContext cli = agent.cli();
        Duration idle = idleExit == null ? AgentSettings.IDLE_EXIT
                : PortArguments.duration(spec.commandLine(), "--idle-exit", idleExit);
        AgentSettings settings = new AgentSettings(agent.home(), Optional.ofNullable(port), idle, cli.environment(),
                cli.clock());
        try (Agent running = Agent.start(settings, line -> cli.out().println(
                LocalTime.now(cli.clock()).truncatedTo(ChronoUnit.SECONDS).format(TIME) + " " + line))) {
            Thread hook = new Thread(running::close, "devstack-agent-exit");
            Runtime.getRuntime().addShutdownHook(hook);
            running.awaitStop();
        }
        return ExitCodes.OK;
    }
}
