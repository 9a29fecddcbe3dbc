package dev.devstack.supervisor.run;

import dev.devstack.detect.ConnectProbe;
import dev.devstack.supervisor.config.Condition;
import dev.devstack.supervisor.config.Dependency;
import dev.devstack.supervisor.config.DependencyGraph;
import dev.devstack.supervisor.plan.PortAssignment;
import dev.devstack.supervisor.plan.ServicePlan;
import dev.devstack.supervisor.plan.StackPlan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs a planned stack: starts services in dependency order once their dependencies are started
 * or ready, watches them, and stops them in reverse order (SIGTERM to the group, SIGKILL after
 * the service's stop timeout). All service state lives on one engine thread; process callbacks
 * and readiness checks only post work to it.
 */
public final class Supervisor implements StackView, AutoCloseable {

    /** How long a SIGKILLed group may take to report its exit before devstack stops waiting. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(2);
    private static final long FIRST_CHECK_MILLIS = 5;
    private static final long MAX_CHECK_MILLIS = 100;

    private final StackPlan plan;
    private final Launcher launcher;
    private final ProcessJournal journal;
    private final ProcessGroups groups;
    private final ConnectProbe connect;
    private final Clock clock;
    private final Duration readyTimeout;
    private final DependencyGraph graph;
    private final Map<String, ServiceRuntime> services = new LinkedHashMap<>();
    private final ScheduledExecutorService engine;
    private final ScheduledExecutorService checks;
    private final EventBus bus;
    private final LogFiles logs;
    private final CompletableFuture<StackOutcome> finished = new CompletableFuture<>();
    private volatile StackSnapshot snapshot;
    private boolean stopRequested;
    private boolean killRequested;

    public Supervisor(StackPlan plan, Launcher launcher, ProcessJournal journal, ProcessGroups groups,
                      ConnectProbe connect, Clock clock, SupervisorSettings settings) {
        this.plan = plan;
        this.bus = new EventBus(clock);
        this.logs = new LogFiles(settings.logDir(), settings.logMaxBytes(), problem -> bus.publish(
                new StackEvent.Notice(clock.instant(), "", problem)));
        this.launcher = launcher;
        this.journal = journal;
        this.groups = groups;
        this.connect = connect;
        this.clock = clock;
        this.readyTimeout = settings.readyTimeout();
        this.graph = plan.graph();
        for (ServicePlan service : plan.services()) {
            List<Integer> ports = plan.ports().of(service.name()).stream().map(PortAssignment::port).toList();
            services.put(service.name(), new ServiceRuntime(service, ports));
        }
        this.engine = Executors.newSingleThreadScheduledExecutor(daemon("devstack-engine"));
        this.checks = Executors.newScheduledThreadPool(2, daemon("devstack-ready"));
        this.snapshot = buildSnapshot();
    }

    /** Begins starting the stack; returns at once. */
    public void start() {
        run(this::advance);
    }

    /**
     * Stops every service in reverse dependency order. Asked a second time, kills what is left
     * at once with SIGKILL.
     */
    public CompletableFuture<StackOutcome> stop() {
        run(() -> {
            if (stopRequested) {
                killRemaining();
            } else {
                beginStop();
            }
        });
        return finished;
    }

    /** Completes when nothing of the stack runs any more: after {@link #stop}, or when every service has ended. */
    public CompletableFuture<StackOutcome> finished() {
        return finished;
    }

    /** Last resort when the JVM is going down anyway: SIGKILL every group, from any thread. */
    public void killAllNow() {
        for (ServiceRuntime service : services.values()) {
            long pid = service.pid;
            if (pid > 1) {
                groups.signal(pid, Signal.KILL);
            }
        }
    }

    @Override
    public StackSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public AutoCloseable subscribe(StackListener listener) {
        return bus.subscribe(listener);
    }

    /** Publishes a message from devstack about the stack (e.g. how its ports were chosen). */
    public void notice(String service, String message) {
        bus.publish(new StackEvent.Notice(clock.instant(), service, message));
    }

    @Override
    public void close() {
        engine.shutdownNow();
        checks.shutdownNow();
        plan.ports().close();
        logs.close();
        bus.close();
    }

    private void advance() {
        if (stopRequested) {
            return;
        }
        for (ServiceRuntime service : services.values()) {
            if (service.state != ServiceState.PENDING) {
                continue;
            }
            String blocker = null;
            boolean waiting = false;
            for (Dependency dependency : service.plan.spec().dependsOn()) {
                ServiceRuntime on = services.get(dependency.service());
                boolean satisfied = dependency.condition() == Condition.READY ? on.ready : on.started;
                if (satisfied) {
                    continue;
                }
                waiting = true;
                if (on.state.isTerminal() || (dependency.condition() == Condition.READY && on.readyTimedOut)) {
                    blocker = blockReason(on, dependency.condition());
                    break;
                }
            }
            if (blocker != null) {
                plan.ports().release(service.name());
                change(service, ServiceState.BLOCKED, blocker);
            } else if (!waiting) {
                launch(service);
            }
        }
        checkFinished();
    }

    private static String blockReason(ServiceRuntime on, Condition condition) {
        if (on.readyTimedOut) {
            return "waits for " + on.name() + ", which is " + on.detail;
        }
        String what = condition == Condition.READY ? "ready" : "started";
        return "waits for " + on.name() + " to be " + what + ", but it is " + on.state.word()
                + (on.detail.isEmpty() ? "" : " (" + on.detail + ")");
    }

    private void launch(ServiceRuntime service) {
        plan.ports().release(service.name());
        change(service, ServiceState.STARTING, service.plan.command());
        ServicePlan servicePlan = service.plan;
        try {
            launcher.launch(servicePlan.command(), servicePlan.spec().cwd(), servicePlan.environment(),
                    new ProcessListener() {
                        @Override
                        public void started(long pid) {
                            run(() -> onStarted(service, pid));
                        }

                        @Override
                        public void output(OutputSource source, String line) {
                            Instant now = clock.instant();
                            logs.append(service.name(), source, now, line);
                            bus.publishLine(new StackEvent.Output(now, service.name(), source, line));
                        }

                        @Override
                        public void exited(int code) {
                            run(() -> onExited(service, code));
                        }
                    });
        } catch (RuntimeException e) {
            onExited(service, ProcessListener.LAUNCH_FAILED);
        }
    }

    private void onStarted(ServiceRuntime service, long pid) {
        if (service.state != ServiceState.STARTING) {
            return;
        }
        service.pid = pid;
        journal.started(service.name(), pid);
        service.started = true;
        service.startedAt = clock.instant();
        change(service, ServiceState.RUNNING, "pid " + pid);
        if (killRequested) {
            kill(service);
            return;
        }
        if (stopRequested) {
            signalStop(service);
            return;
        }
        service.readinessPort().ifPresent(port -> checkReady(service, port, FIRST_CHECK_MILLIS,
                clock.instant().plus(readyTimeout)));
        advance();
    }

    private void checkReady(ServiceRuntime service, int port, long delayMillis, Instant deadline) {
        service.readyCheck = checks.schedule(() -> {
            boolean accepts = connect.accepts(port);
            run(() -> onReadyCheck(service, port, accepts, delayMillis, deadline));
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void onReadyCheck(ServiceRuntime service, int port, boolean accepts, long delayMillis, Instant deadline) {
        if (service.state != ServiceState.RUNNING) {
            return;
        }
        if (accepts) {
            service.ready = true;
            Duration after = Duration.between(service.startedAt, clock.instant());
            change(service, ServiceState.READY, "port " + port + " accepts connections after " + seconds(after));
            advance();
        } else if (clock.instant().isAfter(deadline)) {
            service.readyTimedOut = true;
            service.detail = "not ready after " + readyTimeout.toSeconds() + "s (tcp on " + port + ")";
            bus.publish(new StackEvent.Notice(clock.instant(), service.name(), service.detail
                    + "; services that wait for it will not start"));
            publishSnapshot();
            advance();
        } else {
            checkReady(service, port, Math.min(MAX_CHECK_MILLIS, delayMillis * 2), deadline);
        }
    }

    private void onExited(ServiceRuntime service, int code) {
        if (service.state.isTerminal()) {
            return;
        }
        service.cancelTimers();
        if (service.pid > 1) {
            // what is left of its group (its lifeline watcher, children it left behind) ends with it
            groups.signal(service.pid, Signal.KILL);
            journal.ended(service.name(), service.pid);
        }
        if (code == ProcessListener.LAUNCH_FAILED) {
            change(service, ServiceState.FAILED, "could not start `" + service.plan.command() + "` in "
                    + service.plan.spec().cwd());
        } else {
            service.exitCode = code;
            ExitDescription exit = ExitDescription.of(code, service.sentSignal);
            ServiceState state = service.sentSignal != null ? ServiceState.STOPPED
                    : code == 0 ? ServiceState.EXITED : ServiceState.CRASHED;
            change(service, state, exit.text());
        }
        if (stopRequested) {
            continueStop();
        } else {
            advance();
        }
        checkFinished();
    }

    private void beginStop() {
        stopRequested = true;
        bus.publish(new StackEvent.Notice(clock.instant(), "", "stopping the stack"));
        for (ServiceRuntime service : services.values()) {
            if (service.state == ServiceState.PENDING) {
                plan.ports().release(service.name());
                change(service, ServiceState.STOPPED, "not started: the stack is stopping");
            }
        }
        continueStop();
        checkFinished();
    }

    /** Signals every running service whose dependents have all ended; called again as each one ends. */
    private void continueStop() {
        for (ServiceRuntime service : services.values()) {
            if (service.state == ServiceState.RUNNING || service.state == ServiceState.READY) {
                boolean dependentsDone = graph.dependents(service.name()).stream()
                        .allMatch(name -> services.get(name).state.isTerminal());
                if (dependentsDone) {
                    signalStop(service);
                }
            }
        }
    }

    private void signalStop(ServiceRuntime service) {
        Duration timeout = service.plan.spec().stopTimeout();
        service.cancelTimers();
        service.sentSignal = Signal.TERM;
        service.signalledAt = clock.instant();
        change(service, ServiceState.STOPPING, "SIGTERM sent, SIGKILL in " + seconds(timeout));
        groups.signal(service.pid, Signal.TERM);
        service.killTimer = engine.schedule(() -> guarded(() -> escalate(service, timeout)),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void escalate(ServiceRuntime service, Duration waited) {
        if (service.state != ServiceState.STOPPING) {
            return;
        }
        service.sentSignal = Signal.KILL;
        service.detail = "did not stop within " + seconds(waited) + " of SIGTERM; SIGKILL sent";
        bus.publish(new StackEvent.Notice(clock.instant(), service.name(), service.detail));
        groups.signal(service.pid, Signal.KILL);
        service.killTimer = engine.schedule(() -> guarded(() -> giveUp(service)), AFTER_KILL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A process that left the group may still hold the output pipes; nothing more can be done for it. */
    private void giveUp(ServiceRuntime service) {
        if (service.state == ServiceState.STOPPING) {
            change(service, ServiceState.STOPPED, "killed, but its output pipes are still open (a process that left"
                    + " its group holds them)");
            continueStop();
            checkFinished();
        }
    }

    private void killRemaining() {
        killRequested = true;
        bus.publish(new StackEvent.Notice(clock.instant(), "", "stopping again: killing what is left with SIGKILL"));
        for (ServiceRuntime service : services.values()) {
            if (service.state.isAlive() && service.pid > 1) {
                kill(service);
            }
        }
    }

    private void kill(ServiceRuntime service) {
        service.cancelTimers();
        service.sentSignal = Signal.KILL;
        if (service.state != ServiceState.STOPPING) {
            change(service, ServiceState.STOPPING, "SIGKILL sent");
        }
        groups.signal(service.pid, Signal.KILL);
        service.killTimer = engine.schedule(() -> guarded(() -> giveUp(service)), AFTER_KILL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void checkFinished() {
        if (!finished.isDone() && services.values().stream().allMatch(s -> s.state.isTerminal())) {
            plan.ports().close();
            finished.complete(new StackOutcome(stopRequested, snapshot.services()));
        }
    }

    private void change(ServiceRuntime service, ServiceState state, String detail) {
        service.state = state;
        service.detail = detail;
        publishSnapshot();
        bus.publish(new StackEvent.StateChanged(clock.instant(), service.name(), state, detail));
    }

    private void publishSnapshot() {
        snapshot = buildSnapshot();
    }

    private StackSnapshot buildSnapshot() {
        return new StackSnapshot(plan.config().project(), plan.instance(), clock.instant(),
                services.values().stream().map(ServiceRuntime::snapshot).toList());
    }

    private void run(Runnable task) {
        try {
            engine.execute(() -> guarded(task));
        } catch (RejectedExecutionException closed) {
            // the supervisor is closed; late process callbacks have nobody left to tell
        }
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            bus.publish(new StackEvent.Notice(clock.instant(), "", "internal error in the supervisor: " + e));
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(Locale.ROOT, "%.2fs", millis / 1000.0);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
