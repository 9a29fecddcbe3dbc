package dev.devstack.cli;

import dev.devstack.supervisor.project.UpOptions;
import dev.devstack.supervisor.project.UpSession;
import dev.devstack.supervisor.run.StackOutcome;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.tui.PlainLogPrinter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "up", description = {
        "Start every service of the project (or the SERVICEs named, and what they depend on) on free,",
        "sticky ports, in dependency order.",
        "Prints each service's output prefixed with its name; Ctrl-C stops the stack (twice: kills it)."})
final class UpCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Option(names = "--no-tui", description = "Print prefixed log lines instead of the dashboard.")
    boolean noTui;

    @Option(names = "--exit-on-failure", description = {"Stop the stack as soon as a service fails (it crashed and",
            "is not restarted, or gave up), and exit with its exit code: for CI."})
    boolean exitOnFailure;

    @Parameters(paramLabel = "SERVICE", arity = "0..*",
            description = "Start only these services and what they depend on (default: all).")
    List<String> services = new ArrayList<>();

    /** Never returns: once the stack is down, {@link ImmediateExit} ends the process with the exit code. */
    @Override
    public Integer call() throws InterruptedException {
        CliContext cli = parent.cli();
        ImmediateExit.exit(cli, run(cli));
        return ExitCodes.INTERNAL;
    }

    private int run(CliContext cli) throws InterruptedException {
        try (UpSession session = UpSession.open(parent.project(), new UpOptions(services, exitOnFailure, false),
                warning -> cli.err().println("devstack: " + warning))) {
            Supervisor supervisor = session.supervisor();
            PlainLogPrinter printer = new PlainLogPrinter(cli.out(),
                    session.config().services().stream().flatMap(s -> s.units().stream()).toList(), cli.colour(), ZoneId.systemDefault());
            supervisor.subscribe(printer);
            StopSignals.onEach(supervisor::stop);
            session.start();
            StackOutcome outcome = await(supervisor);
            if (!outcome.stopRequested()) {
                supervisor.notice("", "every service has ended; devstack stops too");
            }
            if (outcome.failure().isPresent()) {
                return outcome.failure().get().exitCode();
            }
            return outcome.stopRequested() || outcome.allSucceeded() ? ExitCodes.OK : ExitCodes.SERVICE_FAILED;
        }
    }

    private static StackOutcome await(Supervisor supervisor) throws InterruptedException {
        try {
            return supervisor.finished().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the supervisor failed", e.getCause());
        }
    }
}
