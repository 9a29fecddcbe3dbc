package dev.devstack.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "start", header = "Start the agent in the background, unless it runs already.",
        description = "Prints where it serves names; its log is $DEVSTACK_HOME/logs/agent.log.")
final class AgentStartCommand implements Callable<Integer> {

    @ParentCommand
    AgentCommand agent;

    @Option(names = "--port", paramLabel = "N", description = "Serve names on this port, and keep it for next time"
            + " (default: $DEVSTACK_AGENT_PORT, else the port it had last, else 2080). An agent that runs already"
            + " keeps its port: `agent stop` first.")
    Integer port;

    @Option(names = "--idle-exit", paramLabel = "DURATION", description = "End after this long without a running"
            + " stack or a request (90s, 10m, 2h; default: 30m).")
    String idleExit;

    @Override
    public Integer call() throws InterruptedException {
        CliContext cli = agent.cli();
        List<String> options = new ArrayList<>();
        if (port != null) {
            options.addAll(List.of("--port", String.valueOf(port)));
        }
        if (idleExit != null) {
            options.addAll(List.of("--idle-exit", idleExit));
        }
        try {
            AgentStarter.Running running = AgentStarter.ensure(agent.home(), "devstack agent start", options);
            if (!running.started()) {
                cli.out().println("the devstack agent runs already (pid " + running.pid() + "): " + running.url());
                if (port != null && port != running.port()) {
                    cli.err().println("devstack: it serves names on port " + running.port() + ", not " + port
                            + "; `devstack agent stop`, then `devstack agent start --port " + port + "`");
                    return ExitCodes.PORT_CONFLICT;
                }
                return ExitCodes.OK;
            }
            cli.out().println("devstack agent started (pid " + running.pid() + "): " + running.url());
            return ExitCodes.OK;
        } catch (AgentStarter.NotStarted e) {
            return AgentFailure.report(cli, e);
        }
    }
}
