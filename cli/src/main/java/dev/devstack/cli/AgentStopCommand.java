package dev.devstack.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.devstack.app.agent.AgentClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "stop", header = "Stop the agent: names stop answering; running stacks go on.",
        description = "Waits until it has ended. Exit 0 also when none runs; 6 when it did not end in time.")
final class AgentStopCommand implements Callable<Integer> {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParentCommand
    AgentCommand agent;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CliContext cli = agent.cli();
        Optional<AgentClient> client = AgentClient.connect(agent.home(), "devstack agent stop");
        if (client.isEmpty()) {
            cli.out().println("no devstack agent runs for this user");
            return ExitCodes.OK;
        }
        long pid;
        try (AgentClient running = client.get()) {
            pid = running.hello().path("pid").asLong();
            running.request(JsonNodeFactory.instance.objectNode().put("request", "stop"));
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        Instant deadline = Instant.now().plus(WAIT);
        while (process.map(ProcessHandle::isAlive).orElse(false) && Instant.now().isBefore(deadline)) {
            process.get().onExit().completeOnTimeout(null, 100, TimeUnit.MILLISECONDS).join();
        }
        if (process.map(ProcessHandle::isAlive).orElse(false)) {
            cli.err().println("devstack: the agent (pid " + pid + ") did not end within " + WAIT.toSeconds()
                    + " s; its log: " + AgentStarter.log(agent.home()));
            return ExitCodes.STOP_FAILED;
        }
        cli.out().println("devstack agent stopped (pid " + pid + ")");
        return ExitCodes.OK;
    }
}
