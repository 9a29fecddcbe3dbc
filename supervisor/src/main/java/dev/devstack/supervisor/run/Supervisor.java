package dev.devstack.supervisor.run;

import dev.devstack.detect.JdkProcessTable;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.model.JournalListener;
import dev.devstack.supervisor.model.OutputHistory;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ServiceInspection;
import dev.devstack.supervisor.model.StackJournal;
import dev.devstack.supervisor.model.StackListener;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.model.StackView;
import dev.devstack.supervisor.model.Subscription;
import dev.devstack.supervisor.plan.StackPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a planned stack. What happens to each service is decided by its {@link Lifecycle}, whose
 * effects the {@link EffectExecutor} carries out: {@link Starts} starts services in dependency
 * order and launches their runs, {@link Readiness} finds out when they are ready and
 * {@link Health} whether they stay well, {@link Stops} stops them in reverse order, {@link Controls}
 * hands on what a user asks of one service, {@link Consoles} what a user types into one, {@link Reloads} applies a new plan, {@link Watching} restarts a
 * service whose files changed. All service state lives on one {@link Engine} thread;
 * process callbacks, readiness checks and requests only hand it work. Every line of output goes to
 * {@link LogFiles} and, through the {@link EventBus}, to the views.
 */
public final class Supervisor implements StackView, StackJournal, AutoCloseable {

    /** How long {@link #inspect} may take before it is refused. */
    static final Duration INSPECT_WAIT = Duration.ofSeconds(10);

    private final StackState stack;
    private final Engine engine;
    private final EventBus bus;
    private final LogFiles logs;
    private final ScheduledExecutorService checks = Executors.newScheduledThreadPool(4, Engine.daemon("devstack-checks"));
    private final Starts starts;
    private final Stops stops;
    private final Controls controls;
    private final Consoles consoles;
    private final Reloads reloads;
    private final ProcessGroups groups;
    private final ProcessTracker tracker;
    private final Descendants descendants;
    private final Watching watching;
    private final Inspections inspections;

    public Supervisor(StackPlan plan, Launcher launcher, ProcessJournal journal, ProcessGroups groups, Clock clock,
                      SupervisorSettings settings) {
        this.groups = groups;
        this.bus = new EventBus(clock);
        this.stack = new StackState(plan, clock, bus, settings.stayOpen(), settings.exitOnFailure());
        this.engine = new Engine(error -> stack.notice("", error));
        this.logs = new LogFiles(settings.logDir(), settings.logMaxBytes(), problem -> stack.notice("", problem));
        if (!Reaper.becomeSubreaper()) {
            stack.notice("", "this kernel does not let devstack adopt the processes its services leave behind"
                    + " (PR_SET_CHILD_SUBREAPER); a service that daemonizes may outlive the stack");
        }
        this.tracker = new ProcessTracker(found -> engine.run(() -> tracked(found)), problem -> stack.notice("", problem));
        this.descendants = new Descendants(stack, groups, journal, tracker);
        EffectExecutor lifecycles = new EffectExecutor(stack, engine, descendants);
        this.stops = new Stops(stack, engine, groups, descendants, checks, lifecycles);
        this.starts = new Starts(stack, engine, launcher, logs, journal, descendants, lifecycles);
        this.controls = new Controls(stack, lifecycles);
        this.consoles = new Consoles(stack);
        this.reloads = new Reloads(stack, lifecycles, starts);
        this.watching = new Watching(stack, engine, lifecycles);
        lifecycles.connect(starts, stops, controls, new Readiness(stack, engine, checks, lifecycles),
                new Health(engine, checks, lifecycles, clock));
        this.inspections = new Inspections(settings.logDir(), new JdkProcessTable());
    }

    /** A scan of the services' processes: who they are now, and launched processes that ended while their pipes stay open. */
    private void tracked(ProcessTracker.Scan scan) {
        descendants.apply(scan);
        scan.units().forEach((unit, result) -> result.leaderStatus().ifPresent(status -> ExitWatch.decode(status)
                .ifPresent(code -> starts.launchedExited(stack.services.get(unit), result.run(),
                        new ExitStatus.Code(code)))));
    }

    /** Begins starting the stack; returns at once. */
    public void start() {
        engine.run(() -> {
            starts.advance();
            watching.follow();
        });
    }

    public void startService(String service) {
        engine.run(() -> controls.ask(service, Input.Action.START, Optional.empty()));
    }

    public void stopService(String service, Optional<String> by) {
        engine.run(() -> controls.ask(service, Input.Action.STOP, by));
    }

    public void restartService(String service) {
        engine.run(() -> controls.ask(service, Input.Action.RESTART, Optional.empty()));
    }

    public void killService(String service) {
        engine.run(() -> controls.ask(service, Input.Action.KILL, Optional.empty()));
    }

    /** Writes {@code line} and Enter to the service's standard input (or terminal); returns at once. */
    public void input(String service, String line) {
        engine.run(() -> consoles.type(service, line));
    }

    /** Every {@code tty: true} service's terminal takes this size now, and those started later begin with it. */
    public void resizeTerminals(int columns, int rows) {
        engine.run(() -> consoles.resize(columns, rows));
    }

    /**
     * What the unit runs, with, and as what processes, now ({@link ServiceInspection}): what the
     * engine knows is taken on its thread, the processes' command lines are read on the check pool.
     * Always completes: exceptionally if the unit is unknown, the stack has stopped, or no answer
     * came within {@link #INSPECT_WAIT} (a waiting control connection is never held for good).
     */
    public CompletableFuture<ServiceInspection> inspect(String service) {
        CompletableFuture<ServiceInspection> inspection = new CompletableFuture<>();
        boolean accepted = engine.run(() -> {
            ServiceRuntime unit = stack.services.get(service);
            if (unit == null) {
                inspection.completeExceptionally(DevstackException.state("this stack runs no service `" + service
                        + "` (services: " + String.join(", ", stack.services.keySet()) + ")", null));
                return;
            }
            try {
                Inspections.Sight sight = inspections.see(unit, stack.plan.ports().of(service));
                checks.execute(() -> {
                    try {
                        inspection.complete(inspections.complete(sight));
                    } catch (RuntimeException e) {
                        inspection.completeExceptionally(e);
                    }
                });
            } catch (RejectedExecutionException closing) {
                inspection.completeExceptionally(stopped(service));
            } catch (RuntimeException e) {
                inspection.completeExceptionally(e);
                throw e;
            }
        });
        if (!accepted) {
            inspection.completeExceptionally(stopped(service));
        }
        CompletableFuture.delayedExecutor(INSPECT_WAIT.toMillis(), TimeUnit.MILLISECONDS).execute(() ->
                inspection.completeExceptionally(engine.closed() ? stopped(service) : DevstackException.state("`"
                        + service + "` could not be inspected: the supervisor did not answer within "
                        + INSPECT_WAIT.toSeconds() + " s; try again, and if it stays so, look at the stack's output", null)));
        return inspection;
    }

    private static DevstackException stopped(String service) {
        return DevstackException.state("the stack has stopped; `" + service + "` cannot be inspected", null);
    }

    /**
     * Stops every service in reverse dependency order. Asked a second time, kills what is left
     * at once with SIGKILL.
     */
    public CompletableFuture<StackOutcome> stop() {
        engine.run(() -> {
            if (stack.stopRequested) {
                stops.killRemaining();
            } else {
                watching.close();
                stops.begin();
            }
        });
        return stack.finished;
    }

    /**
     * The stack runs {@code next} from now on, applying only the difference to what runs
     * ({@link Reloads}); completes once the change is set going. {@code by}: who asked.
     */
    public CompletableFuture<ReloadOutcome> reload(StackPlan next, Optional<String> by) {
        CompletableFuture<ReloadOutcome> outcome = new CompletableFuture<>();
        boolean accepted = engine.run(() -> {
            try {
                outcome.complete(reloads.apply(next, by));
                watching.follow();
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
                throw e;
            }
        });
        if (!accepted) {
            next.ports().close();
            outcome.complete(new ReloadOutcome.Refused("the stack has stopped", List.of()));
        }
        return outcome;
    }

    /**
     * Completes when nothing of the stack runs any more: after {@link #stop}, or when every service
     * has ended (unless the stack {@linkplain SupervisorSettings#stayOpen stays open}).
     */
    public CompletableFuture<StackOutcome> finished() {
        return stack.finished;
    }

    /** Last resort when the JVM is going down anyway: SIGKILL every group and process of the services, from any thread. */
    public void killAllNow() {
        for (ServiceRuntime service : stack.services.values()) {
            if (!service.life.adopted()) {
                descendants.signal(service, Signal.KILL);
            }
        }
    }

    @Override
    public StackSnapshot snapshot() {
        return stack.snapshot;
    }

    @Override
    public Subscription subscribe(StackListener listener) {
        return bus.subscribe(listener);
    }

    @Override
    public long lastSequence() {
        return bus.journal().lastSequence();
    }

    @Override
    public Subscription follow(long after, JournalListener listener) {
        return bus.journal().follow(after, listener);
    }

    @Override
    public OutputHistory output(Set<String> services, int lines, Optional<Instant> since) {
        return bus.journal().output(services, lines, since);
    }

    /** Publishes a message from devstack about the stack (e.g. how its ports were chosen). */
    public void notice(String service, String message) {
        stack.notice(service, message);
    }

    @Override
    public void close() {
        watching.close();
        tracker.close();
        tracker.endOrphans(groups);
        engine.close();
        consoles.closeAll();
        checks.shutdownNow();
        stack.plan.ports().close();
        logs.close();
        bus.close();
    }
}
