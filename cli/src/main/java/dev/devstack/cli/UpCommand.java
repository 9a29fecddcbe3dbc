package dev.devstack.cli;

import dev.devstack.app.ProcessGroupResources;
import dev.devstack.app.ProjectCopyFile;
import dev.devstack.app.UpOptions;
import dev.devstack.app.UpSession;
import dev.devstack.detect.SignalDispositions;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.config.Selection;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.tui.Dashboard;
import dev.devstack.tui.DashboardContext;
import dev.devstack.tui.DashboardMode;
import dev.devstack.tui.ExitSummary;
import dev.devstack.tui.PlainLogPrinter;
import dev.devstack.tui.TerminalSession;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "up", header = "Start the services on free, sticky ports and supervise them.", description = {
        "Starts every service of the project that has no profile, and those of each --profile (or only the SERVICEs"
                + " named), with what they depend on, in dependency order, each on a port that stays the same from run"
                + " to run.",
        "On a terminal it shows the dashboard (? lists its keys, q quits); otherwise, or with --no-tui, it prints each"
                + " service's output prefixed with its name. Ctrl-C stops the stack (twice: kills it)."})
final class UpCommand implements Callable<Integer>, ReadsConfiguration, OpensRegistry {

    /** How long `up -d` waits for every service to be ready, unless --timeout says otherwise. */
    static final String DETACH_TIMEOUT = "120s";

    @ParentCommand
    DevstackCommand parent;

    @Option(names = "--no-tui", description = "Print prefixed log lines instead of the dashboard.")
    boolean noTui;

    @Option(names = "--exit-on-failure", description = "Stop the stack as soon as a service fails (it crashed and"
            + " is not restarted, or gave up), and exit with 1, naming it and its exit code: for CI.")
    boolean exitOnFailure;

    @Option(names = "--adopt", description = "A service's own command already listening on its configured port"
            + " (an earlier run, e.g. started by hand) is kept and watched instead of a new one started;"
            + " it is left running when the stack stops.")
    boolean adopt;

    @Option(names = {"-d", "--detach"}, description = "Start the stack in the background (its own session; its output"
            + " in .devstack/logs/devstack.log), show each service as it gets ready, and return once all are ready"
            + " (exit 0, with the `ports` table), one failed (8) or --timeout ran out (9); the stack keeps running.")
    boolean detach;

    @Option(names = "--profile", paramLabel = "NAME", split = ",", description = "Also start the services of this"
            + " profile (`profiles:` in ports.yaml) and what they need; repeat it or separate names with commas."
            + " Services without profiles always start.")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--web", description = "Once the stack is up, open its web page in your browser with the right"
            + " to act, as `devstack web` does (docs/web.md).")
    boolean web;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "With -d: how long to wait for every service to"
            + " be ready (default: 120s).")
    String timeout;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "0..*",
            description = "Start only these services and what they depend on (default: all).")
    List<String> services = new ArrayList<>();

    /**
     * With -d, returns once the background stack is ready or is not; otherwise never returns: once
     * the stack is down, {@link ImmediateExit} ends the process with the exit code.
     */
    @Override
    public Integer call() throws InterruptedException, IOException {
        CliContext cli = parent.cli();
        if (timeout != null && !detach) {
            throw new ParameterException(spec.commandLine(), "--timeout goes with -d (--detach): an attached `up` runs"
                    + " until stopped");
        }
        if (detach) {
            Duration limit = PortArguments.duration(spec.commandLine(), "--timeout", timeout == null ? DETACH_TIMEOUT : timeout);
            return new DetachedUp(cli, parent.project(), web).run(new Selection(services, profiles), backgroundArguments(),
                    parent.debug, limit);
        }
        ImmediateExit.exit(cli, run(cli));
        return ExitCodes.INTERNAL;
    }

    /** The same `up`, in the background: plain output (its log has no terminal), the same options and services. */
    private List<String> backgroundArguments() {
        List<String> args = new ArrayList<>(List.of("--no-tui"));
        if (exitOnFailure) {
            args.add("--exit-on-failure");
        }
        if (adopt) {
            args.add("--adopt");
        }
        profiles.forEach(profile -> args.addAll(List.of("--profile", profile)));
        if (!services.isEmpty()) {
            args.add("--");
            args.addAll(services);
        }
        return args;
    }

    private int run(CliContext cli) throws InterruptedException {
        TerminalSession terminal = !noTui && cli.terminal() ? openTerminal(cli) : null;
        Warnings warnings = new Warnings(cli.err());
        if (SignalDispositions.ofThisProcess().ignores(Signal.INT.number())) {
            warnings.accept("started with SIGINT ignored (as every background job of a script is), so Ctrl-C does"
                    + " not reach devstack; `devstack down` or SIGTERM stops the stack. Its services get every signal"
                    + " at its default.");
        }
        try (UpSession session = UpSession.open(parent.project(),
                new UpOptions(new Selection(services, profiles), exitOnFailure, terminal != null, adopt), warnings)) {
            Supervisor supervisor = session.supervisor();
            StopSignals.onEach(supervisor::stop);
            AgentForStack.ensure(session.config(), message -> supervisor.notice("", message), parent.project());
            boolean shown = terminal != null && showDashboard(cli, session, terminal, warnings);
            if (!shown) {
                supervisor.subscribe(printer(cli, session));
                if (terminal == null) {
                    openPageOnceUp(cli, session);
                    session.start();
                }
            }
            StackOutcome outcome = await(supervisor);
            if (shown) {
                ExitSummary.print(cli.out(), session.config().project(), outcome,
                        parent.project().stateDir().resolve("logs"));
            } else if (!outcome.stopRequested()) {
                supervisor.notice("", "every service has ended; devstack stops too");
            }
            if (outcome.failure().isPresent()) {
                StackOutcome.Failure failure = outcome.failure().get();
                cli.err().println("devstack: " + failure.service() + " failed (" + DetailText.of(failure.ended())
                        + ") and exit_on_failure is set: the stack was stopped; `up` exits with "
                        + ExitCodes.SERVICE_FAILED + " (docs/cli.md, Exit codes)");
                return ExitCodes.SERVICE_FAILED;
            }
            if (outcome.stopRequested() || outcome.allSucceeded()) {
                return ExitCodes.OK;
            }
            outcome.unsuccessful().forEach(service -> cli.err().println("devstack: " + service.name() + " "
                    + service.state().word() + " (" + DetailText.of(service.detail()) + ")"));
            cli.err().println("devstack: every service has ended and not all succeeded; `up` exits with "
                    + ExitCodes.SERVICE_FAILED + " (docs/cli.md, Exit codes)");
            return ExitCodes.SERVICE_FAILED;
        } finally {
            if (terminal != null) {
                restore(cli, terminal);
            }
        }
    }

    /** The terminal, ready for the dashboard; null (plain output) if it cannot be had. */
    private static TerminalSession openTerminal(CliContext cli) {
        try {
            return TerminalSession.open(cli.in(), cli.out());
        } catch (IOException | RuntimeException e) {
            cli.err().println("devstack: cannot show the dashboard on this terminal (" + e.getMessage()
                    + "); printing plain output instead (--no-tui does this without trying)");
            return null;
        }
    }

    /**
     * Starts the stack under the dashboard and shows it until the stack has stopped: true then.
     * If the dashboard fails, the terminal is given back and false returned: the stack, already
     * started, goes on with plain output.
     */
    private boolean showDashboard(CliContext cli, UpSession session, TerminalSession terminal, Warnings warnings)
            throws InterruptedException {
        Supervisor supervisor = session.supervisor();
        Dashboard dashboard = terminal.dashboard(session.stack(), session.stack(), new DashboardContext(
                session.portRows(), ProcessGroupResources.measured(), cli.environment(), cli.clock(), ZoneId.systemDefault(),
                session.apiUrl(), parent.project().instanceLabel(), session.agentPort(),
                new ProjectCopyFile(parent.project())), DashboardMode.UP);
        warnings.toStack(supervisor);
        openPageOnceUp(cli, session);
        session.start();
        Exception failure;
        try {
            dashboard.run(supervisor.finished(), true);
            return true;
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            warnings.toStderr();
            restore(cli, terminal);
        }
        cli.err().println("devstack: the dashboard failed (" + failure + "); the stack goes on with plain output,"
                + " Ctrl-C stops it");
        if (parent.debug) {
            failure.printStackTrace(cli.err());
        }
        return false;
    }

    /** With --web, the stack's page in the browser; said in the stack's output, which the dashboard shows. */
    private void openPageOnceUp(CliContext cli, UpSession session) {
        if (web && session.apiUrl().isPresent()) {
            session.supervisor().subscribe(new PageOnceUp(session.supervisor(), session.apiUrl().get(),
                    parent.project().home(), cli.clock(), cli.environment()));
        } else if (web) {
            session.supervisor().notice("", "no web page to open: this stack has no HTTP API (said above)");
        }
    }

    private static void restore(CliContext cli, TerminalSession terminal) {
        try {
            terminal.close();
        } catch (IOException e) {
            cli.err().println("devstack: could not restore the terminal (" + e.getMessage() + "); `reset` does");
        }
    }

    private static PlainLogPrinter printer(CliContext cli, UpSession session) {
        return new PlainLogPrinter(cli.out(), session.config().services().stream().flatMap(s -> s.units().stream()).toList(),
                cli.colour(), ZoneId.systemDefault());
    }

    private static StackOutcome await(Supervisor supervisor) throws InterruptedException {
        try {
            return supervisor.finished().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the supervisor failed", e.getCause());
        }
    }
}
