package dev.devstack.cli;

import dev.devstack.app.AlreadyRunning;
import dev.devstack.app.ProjectContext;
import dev.devstack.app.RegistryChoice;
import dev.devstack.app.ProjectPorts;
import dev.devstack.app.StackWait;
import dev.devstack.app.WaitCondition;
import dev.devstack.app.WaitOutcome;
import dev.devstack.supervisor.config.Selection;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.config.StackSelection;
import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.model.DetailText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * `devstack up -d`: starts the stack in a devstack of its own ({@link BackgroundDevstack}), follows
 * it over its control socket while its services start, and returns once every one is ready (with
 * the `ports` table), one failed, or the time ran out; the stack goes on running in every case.
 */
final class DetachedUp {

    private static final String CLIENT = "devstack up -d";
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int TAIL = 30;
    /** How long a devstack that closed its socket may take to exit, for its exit code. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(10);

    private final CliContext cli;
    private final ProjectContext project;
    private final Path socket;
    private final boolean web;

    /** @param web whether to open the stack's web page once it is ready ({@code up -d --web}) */
    DetachedUp(CliContext cli, ProjectContext project, boolean web) {
        this.cli = cli;
        this.project = project;
        this.web = web;
        this.socket = ControlClient.socket(project.home(), project.projectDir().toString(), project.instance());
    }

    /** {@code upArgs}: the arguments of the `up` to run in the background, after `up`. */
    int run(Selection selection, List<String> upArgs, boolean debug, Duration timeout)
            throws IOException, InterruptedException {
        StackConfig config = StackSelection.select(project.loader().load(project.projectDir()),
                selection);
        refuseIfRunning(config.project());
        Instant deadline = cli.clock().instant().plus(timeout);
        List<String> args = new ArrayList<>(List.of("-C", project.projectDir().toString()));
        if (debug) {
            args.add("--debug");
        }
        if (!project.instanceName().equals(ProjectContext.DEFAULT_INSTANCE)) {
            args.addAll(List.of("--instance", project.instanceName()));
        }
        project.choice().environment().ifPresent(env -> args.addAll(List.of("--env", env)));
        project.choice().sets().forEach(set -> args.addAll(List.of("--set", set)));
        Optional.ofNullable(project.environment().get(RegistryChoice.VARIABLE))
                .ifPresent(registry -> args.addAll(List.of("--registry", registry)));
        args.add("up");
        args.addAll(upArgs);
        BackgroundDevstack child = BackgroundDevstack.start(project.projectDir(),
                project.stateDir().resolve("logs").resolve("devstack.log"), args);
        cli.out().println("starting " + config.project() + " in the background (devstack pid " + child.pid()
                + "; its own output goes to " + project.projectDir().relativize(child.log()) + ")");
        Optional<ControlClient> connected = connect(child, deadline);
        if (connected.isEmpty()) {
            return ended(child, timeout, Duration.ZERO);
        }
        WaitReport report = new WaitReport(cli, socket, CLIENT);
        WaitOutcome outcome;
        Optional<String> apiUrl = connected.get().hello().apiUrl();
        try (ControlClient client = connected.get()) {
            Duration left = Duration.between(cli.clock().instant(), deadline);
            outcome = new StackWait(List.of(), WaitCondition.READY, StackWait.oneshots(config)).await(client,
                    left.isNegative() ? Duration.ofMillis(1) : left, report::progress);
        }
        if (outcome instanceof WaitOutcome.Reached reached) {
            PortsTable.print(ProjectPorts.live(project, reached.last(), child.pid()), cli.out());
            cli.out().println("the stack runs in the background: `devstack status` shows it, `devstack attach` its"
                    + " dashboard, `devstack down` stops it");
            openPage(apiUrl);
            return ExitCodes.OK;
        }
        if (outcome instanceof WaitOutcome.StackEnded) {
            return ended(child, timeout, EXIT_GRACE);
        }
        int code = report.notReached(outcome, WaitCondition.READY, timeout);
        // it goes on unless an exit_on_failure (or --exit-on-failure) makes it stop the stack
        cli.err().println("devstack: the stack is left to its background devstack (pid " + child.pid()
                + "): `devstack status` shows it, `devstack down` stops it");
        openPage(apiUrl);
        return code;
    }

    /** With --web, the running stack's page, ready or not: where to see what it is waiting for. */
    private void openPage(Optional<String> apiUrl) {
        if (!web) {
            return;
        }
        if (apiUrl.isEmpty()) {
            cli.out().println("no web page to open: the stack has no HTTP API (its log says why: "
                    + project.projectDir().relativize(project.stateDir().resolve("logs").resolve("devstack.log")) + ")");
            return;
        }
        WebPage page = WebPage.of(apiUrl.get(), project.home(), cli.clock().instant());
        cli.out().println(page.told(page.open(cli.environment())));
    }

    /** A stack that answers on the socket already: exit 4, as for an attached `up`, without starting anything. */
    private void refuseIfRunning(String name) {
        try (ControlClient running = ControlClient.connect(socket, CLIENT)) {
            throw AlreadyRunning.of(name, project.projectDir(), OptionalLong.of(running.hello().pid()));
        } catch (IOException nothingAnswers) {
            // the background devstack still checks the lock and the registry, as every `up` does
        }
    }

    /**
     * The connection to the new devstack once its socket answers; empty when it ended first or the
     * time ran out. Another devstack answering (one that started meanwhile) is not ours: ours will
     * end, refused, and say so in its log.
     */
    private Optional<ControlClient> connect(BackgroundDevstack child, Instant deadline) throws InterruptedException {
        while (child.exitCode().isEmpty() && cli.clock().instant().isBefore(deadline)) {
            try {
                ControlClient client = ControlClient.connect(socket, CLIENT);
                if (client.hello().pid() == child.pid()) {
                    return Optional.of(client);
                }
                client.close();
            } catch (IOException notYet) {
                // it is still loading its configuration or claiming its ports
            }
            Thread.sleep(POLL.toMillis());
        }
        return Optional.empty();
    }

    /**
     * The background devstack ended, or is ending (within {@code grace}), or never answered in
     * time: its last lines, and its exit code.
     */
    private int ended(BackgroundDevstack child, Duration timeout, Duration grace) throws InterruptedException {
        Optional<Integer> code = child.awaitExit(grace);
        if (code.isEmpty()) {
            cli.err().println("devstack: the time ran out (" + DetailText.seconds(timeout) + ", --timeout) before the"
                    + " background devstack (pid " + child.pid() + ") answered on its control socket; it goes on,"
                    + " `devstack down` stops it. Its last lines:");
            child.tail(TAIL).forEach(line -> cli.err().println("  " + line));
            return ExitCodes.TIMED_OUT;
        }
        cli.err().println("devstack: the background devstack (pid " + child.pid() + ") ended with exit " + code.get()
                + "; its last lines (" + child.log() + "):");
        child.tail(TAIL).forEach(line -> cli.err().println("  " + line));
        return code.get() == ExitCodes.OK ? ExitCodes.SERVICE_FAILED : code.get();
    }
}
