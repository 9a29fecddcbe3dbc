package dev.devstack.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.app.agent.AgentClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user's agent, started when none answers (by `agent start`, by `up` when the stack's URLs are
 * names, by `open`): a devstack of its own in the background ({@link BackgroundDevstack}) that runs
 * `agent run` and writes to {@code $DEVSTACK_HOME/logs/agent.log}. Two commands that start it at
 * once are fine: the second agent finds the first on the socket and ends (its log says so).
 */
final class AgentStarter {

    /**
     * The launcher's option that keeps the JVM to its quick compiler, good for a command that lives a
     * second; the agent lives for hours and proxies every request, which costs it 38 µs of CPU with
     * the optimising compiler against 61 µs without (docs/benchmarks.md, "Names").
     */
    private static final List<String> QUICK_COMPILER_ONLY = List.of("-XX:TieredStopAtLevel=1");
    /** A JVM's start, the registry (which may wait up to 10 s for another devstack) and the port's bind. */
    static final Duration START_WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    /** What the agent said of itself, and whether this command started it. */
    record Running(long pid, int port, String url, boolean started) {

        static Running of(ObjectNode hello, boolean started) {
            return new Running(hello.path("pid").asLong(), hello.path("port").asInt(), hello.path("url").asText(),
                    started);
        }
    }

    /** The agent did not come up: its exit code (if it ended) and the last lines of its log. */
    static final class NotStarted extends Exception {
        final Optional<Integer> exitCode;
        final List<String> tail;
        final Path log;

        NotStarted(String message, Optional<Integer> exitCode, List<String> tail, Path log) {
            super(message);
            this.exitCode = exitCode;
            this.tail = tail;
            this.log = log;
        }
    }

    private AgentStarter() {
    }

    static Path log(Path home) {
        return home.resolve("logs").resolve("agent.log");
    }

    static Optional<Running> running(Path home, String by) {
        return AgentClient.connect(home, by).map(agent -> {
            try (agent) {
                return Running.of(agent.hello(), false);
            }
        });
    }

    /** The running agent, or one started now with {@code options} (`--port N`). */
    static Running ensure(Path home, String by, List<String> options) throws NotStarted, InterruptedException {
        Optional<Running> running = running(home, by);
        if (running.isPresent()) {
            return running.get();
        }
        List<String> args = new ArrayList<>(List.of("agent", "run"));
        args.addAll(options);
        BackgroundDevstack child;
        try {
            child = BackgroundDevstack.start(home, log(home), QUICK_COMPILER_ONLY, args);
        } catch (IOException e) {
            throw new NotStarted("cannot start the devstack agent: " + e.getMessage(), Optional.empty(), List.of(),
                    log(home));
        }
        Instant deadline = Instant.now().plus(START_WAIT);
        while (Instant.now().isBefore(deadline)) {
            running = running(home, by);
            if (running.isPresent()) {
                return new Running(running.get().pid(), running.get().port(), running.get().url(),
                        running.get().pid() == child.pid());
            }
            Optional<Integer> exit = child.awaitExit(POLL);
            if (exit.isPresent()) {
                running = running(home, by);
                if (running.isPresent()) {
                    return running.get();
                }
                throw new NotStarted("the devstack agent ended at once (exit " + exit.get() + ")", exit, child.tail(5),
                        log(home));
            }
        }
        throw new NotStarted("the devstack agent (pid " + child.pid() + ") did not answer on "
                + AgentClient.socket(home) + " within " + START_WAIT.toSeconds() + " s", Optional.empty(),
                child.tail(5), log(home));
    }
}
