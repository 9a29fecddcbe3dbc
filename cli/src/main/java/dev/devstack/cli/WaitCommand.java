package dev.devstack.cli;

import dev.devstack.app.PublishedStack;
import dev.devstack.app.StackWait;
import dev.devstack.app.WaitCondition;
import dev.devstack.app.WaitOutcome;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.control.ControlClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "wait", header = "Wait until services of the running stack are ready: for CI.",
        description = {"Follows the project's running stack over its control socket and returns as soon as every SERVICE"
                + " (default: all) has reached the condition (exit 0), one of them cannot any more (it crashed, failed,"
                + " was blocked or stopped, or gave up on its readiness check: exit 8, with its last lines), or the"
                + " time ran out (exit 9, naming who was not there yet). Exit 7 when no stack runs the project.",
                "ready: its readiness check passed (a service without one: it runs, once the stack has started every"
                        + " service; a one-shot task: it completed). healthy: ready and not unhealthy now. completed:"
                        + " it ended on its own with exit 0."})
final class WaitCommand implements Callable<Integer>, ReadsConfiguration {

    private static final Duration RETRY = Duration.ofMillis(50);

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--for", paramLabel = "CONDITION", defaultValue = "ready",
            description = "ready, healthy or completed (default: ${DEFAULT-VALUE}).")
    String condition;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120s",
            description = "How long to wait at most: 90s, 10m (default: ${DEFAULT-VALUE}); then exit 9.")
    String timeout;

    @Parameters(paramLabel = "SERVICE", arity = "0..*",
            description = "Services to wait for; a service with replicas means each of them (default: all).")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        CliContext cli = parent.cli();
        WaitCondition wanted = condition();
        Duration limit = PortArguments.duration(spec.commandLine(), "--timeout", timeout);
        Path socket = ControlClient.socket(parent.project().home(), parent.project().projectDir().toString(),
                parent.project().instance());
        StackWait wait = new StackWait(services, wanted, oneshots());
        WaitReport report = new WaitReport(cli, socket, "devstack wait");
        Instant deadline = cli.clock().instant().plus(limit);
        Optional<ControlClient> connected = connect(socket, deadline);
        if (connected.isEmpty()) {
            cli.err().println("devstack: no stack runs here (" + parent.project().projectDir()
                    + "); `devstack up` or `devstack up -d` starts one");
            return ExitCodes.NOT_RUNNING;
        }
        WaitOutcome outcome;
        try (ControlClient client = connected.get()) {
            Duration left = Duration.between(cli.clock().instant(), deadline);
            outcome = wait.await(client, left.isNegative() ? Duration.ofMillis(1) : left, report::progress);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (outcome instanceof WaitOutcome.Reached) {
            cli.out().println((services.isEmpty() ? "every service is " : String.join(", ", services)
                    + (services.size() == 1 ? " is " : " are ")) + wanted.word());
            return ExitCodes.OK;
        }
        return report.notReached(outcome, wanted, limit);
    }

    /**
     * The stack's socket; while an `up` is still starting (alive in run.json, its socket not open
     * yet: `devstack up &` a moment ago), it is asked again until it answers, that `up` ends, or
     * the time runs out. Empty when no stack runs.
     */
    private Optional<ControlClient> connect(Path socket, Instant deadline) throws InterruptedException {
        while (true) {
            try {
                return Optional.of(ControlClient.connect(socket, "devstack wait"));
            } catch (IOException notAnswering) {
                if (PublishedStack.read(parent.project()).isEmpty() || !parent.cli().clock().instant().isBefore(deadline)) {
                    return Optional.empty();
                }
            }
            Thread.sleep(RETRY.toMillis());
        }
    }

    /**
     * Which services are one-shot tasks (ready once completed): the snapshot does not say, the
     * configuration does. A configuration broken since the stack started gives none, and a running
     * one-shot task then counts as ready, as a service without a readiness check does.
     */
    private Set<String> oneshots() {
        try {
            return StackWait.oneshots(parent.project().loader().load(parent.project().projectDir()));
        } catch (DevstackException brokenSinceTheStackStarted) {
            return Set.of();
        }
    }

    private WaitCondition condition() {
        for (WaitCondition known : WaitCondition.values()) {
            if (known.word().equals(condition)) {
                return known;
            }
        }
        throw new ParameterException(spec.commandLine(), "--for must be ready, healthy or completed, not `" + condition + "`");
    }
}
