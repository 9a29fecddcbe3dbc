package dev.devstack.supervisor.run;

import dev.devstack.detect.ProcStat;
import dev.devstack.supervisor.config.CheckSpec;
import dev.devstack.supervisor.config.Condition;
import dev.devstack.supervisor.config.Dependency;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.OutputSource;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.plan.ServicePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Starting services: each one once its dependencies are started or ready (independent ones
 * together); a dependency that ends or gives up before it satisfied its dependents leaves them
 * blocked, with the reason. Launches each run (or adopts the earlier run `up --adopt` found) and
 * hands what its process reports to the service's {@link Lifecycle}; finds the daemon a command
 * that exited 0 left running.
 */
final class Starts {

    /** How long what a command left running may take to listen on its service's port or to write its pidfile. */
    static final Duration DAEMON_WAIT = Duration.ofSeconds(10);
    private static final Duration DAEMON_CHECK = Duration.ofMillis(100);

    private final StackState stack;
    private final Engine engine;
    private final Launcher launcher;
    private final LogFiles logs;
    private final ProcessJournal journal;
    private final Descendants descendants;
    private final EffectExecutor lifecycles;
    /**
     * Set while a reload hands its changes to one unit after another: nothing starts meanwhile, or a
     * unit could start against a dependency whose change has not been handed over yet.
     */
    private boolean held;

    Starts(StackState stack, Engine engine, Launcher launcher, LogFiles logs, ProcessJournal journal,
           Descendants descendants, EffectExecutor lifecycles) {
        this.stack = stack;
        this.engine = engine;
        this.launcher = launcher;
        this.logs = logs;
        this.journal = journal;
        this.descendants = descendants;
        this.lifecycles = lifecycles;
    }

    /** Starts what can start now and blocks what never will; then checks whether the stack is finished. */
    void advance() {
        if (stack.stopRequested || held) {
            return;
        }
        for (ServiceRuntime service : stack.services.values()) {
            if (service.state() != ServiceState.PENDING) {
                continue;
            }
            ServiceDetail blocker = null;
            boolean waiting = false;
            for (Dependency dependency : service.plan.spec().dependsOn()) {
                for (String unit : stack.plan.config().service(dependency.service()).orElseThrow().units()) {
                    ServiceRuntime on = stack.services.get(unit);
                    Life life = on.life;
                    boolean satisfied = switch (dependency.condition()) {
                        case STARTED -> life.started();
                        case READY -> life.readiness() == Life.Readiness.PASSED;
                        case COMPLETED -> life.completed();
                    };
                    if (satisfied) {
                        continue;
                    }
                    waiting = true;
                    boolean gaveUp = life.readiness() == Life.Readiness.GAVE_UP;
                    if (blocker == null && (on.state().isTerminal() || (dependency.condition() == Condition.READY
                            && gaveUp))) {
                        blocker = gaveUp ? new ServiceDetail.WaitsForUnready(on.name(), life.phase().detail())
                                : new ServiceDetail.WaitsFor(on.name(), dependency.condition(), on.state(),
                                life.phase().detail());
                    }
                }
            }
            if (blocker != null) {
                lifecycles.apply(service, new Input.Blocked(blocker));
            } else if (!waiting) {
                launch(service);
            }
        }
        stack.checkFinished();
    }

    /** Nothing starts until {@link #release}. */
    void hold() {
        held = true;
    }

    void release() {
        held = false;
    }

    /** A new run: the earlier run `up --adopt` found, if it still runs, else the service's command. */
    void launch(ServiceRuntime service) {
        stack.plan.ports().release(service.name());
        service.beginRun();
        if (service.adoptee != null && adopt(service)) {
            return;
        }
        service.readyLine = service.plan.spec().ready().filter(check -> check.kind() == CheckSpec.Kind.LOG)
                .map(check -> new ReadyLine(Pattern.compile(check.target()))).orElse(null);
        lifecycles.apply(service, new Input.Launched(new ServiceDetail.Launching(service.plan.command())));
        ServicePlan plan = service.plan;
        int run = service.run;
        LogFiles.RunLog log = logs.forRun(service.name());
        try {
            Map<String, String> environment = new HashMap<>(plan.environment());
            environment.put(ProcessTracker.RUN_VARIABLE, ProcessTracker.runValue(service.name(), run));
            Optional<TerminalSize> terminal = plan.spec().tty() ? Optional.of(stack.terminalSize) : Optional.empty();
            service.console = launcher.launch(plan.command(), plan.spec().cwd(), environment, terminal,
                    new ProcessListener() {
                @Override
                public void started(long pid) {
                    descendants.launched(pid);
                    engine.run(() -> onStarted(service, run, pid));
                }

                @Override
                public void wrote(OutputSource source, byte[] bytes, boolean closed) {
                    log.append(source, stack.clock.instant(), bytes, closed);
                }

                @Override
                public void output(OutputSource source, String line) {
                    Instant now = stack.clock.instant();
                    ReadyLine ready = service.readyLine;
                    if (ready != null && ready.matches(line)) {
                        service.readyLine = null;
                        engine.run(() -> inRun(service, run, new Input.LineMatched()));
                    }
                    service.recent.add(line);
                    stack.bus.publishLine(new StackEvent.Output(now, service.name(), source, line));
                }

                @Override
                public void exited(int code) {
                    engine.run(() -> launchedExited(service, run, new ExitStatus.Code(code)));
                }

                @Override
                public void failedToStart() {
                    engine.run(() -> launchedExited(service, run, new ExitStatus.NeverStarted()));
                }
            });
        } catch (NativeFiles.Failure e) {
            stack.notice(service.name(), "could not make its " + (plan.spec().tty() ? "terminal" : "input pipe")
                    + " (" + e.getMessage() + "); is the system out of file descriptors or pseudo-terminals?");
            launchedExited(service, run, new ExitStatus.NeverStarted());
        } catch (RuntimeException e) {
            launchedExited(service, run, new ExitStatus.NeverStarted());
        }
    }

    /** An input about one run, ignored once the service has moved on to another. */
    private void inRun(ServiceRuntime service, int run, Input input) {
        if (service.run == run) {
            lifecycles.apply(service, input);
        }
    }

    /**
     * Takes the earlier run `up --adopt` found as this first run, if it still runs: no output, no
     * journal entry (it is not devstack's to end), and its end is seen through its ProcessHandle.
     */
    private boolean adopt(ServiceRuntime service) {
        AssignmentReason.Adopted adoptee = service.adoptee;
        service.adoptee = null;
        Optional<ProcessHandle> process = ProcessHandle.of(adoptee.pid()).filter(p -> p.info().startInstant()
                .map(start -> start.toEpochMilli() == adoptee.startMillis()).orElse(false));
        if (process.isEmpty()) {
            stack.notice(service.name(), adoptee.holder() + " has ended before it could be adopted; starting `"
                    + service.plan.command() + "`");
            return false;
        }
        int run = service.run;
        lifecycles.apply(service, new Input.Launched(new ServiceDetail.Adopting(adoptee.holder())));
        stack.notice(service.name(), "adopted " + adoptee.holder() + " (" + adoptee.evidence() + "): its output is"
                + " not captured, and it is left running when the stack stops");
        process.get().onExit().thenRun(() -> engine.run(() -> processExited(service, run, adoptee.pid(),
                new ExitStatus.Unknown())));
        onStarted(service, run, adoptee.pid());
        return true;
    }

    private void onStarted(ServiceRuntime service, int run, long pid) {
        if (service.run != run || !(service.life.phase() instanceof Phase.Starting)) {
            return;
        }
        service.pid = pid;
        if (!service.life.adopted()) {
            service.leader = pid;
            service.leaderStart = ProcStat.of(pid).map(ProcStat::startTicks).orElse(0L);
            service.pidStart = service.leaderStart;
            journal.started(service.name(), pid);
            descendants.watch(service);
        }
        service.startedAt = stack.clock.instant();
        lifecycles.apply(service, new Input.Started(pid));
    }

    /**
     * The process devstack launched for the run has ended: reported by NuProcess once its pipes
     * closed, by the exit watch, or by the tracker when something it left holds the pipes open.
     */
    void launchedExited(ServiceRuntime service, int run, ExitStatus status) {
        if (service.run != run || service.leaderEnded) {
            return;
        }
        service.leaderEnded = true;
        if (service.console != null) {
            service.console.launchedEnded();
        }
        descendants.watch(service);
        processExited(service, run, service.leader, status);
    }

    /** The service's process ({@code pid}) of the run has ended; news about any other process is not. */
    private void processExited(ServiceRuntime service, int run, long pid, ExitStatus status) {
        if (service.run == run && service.pid == pid) {
            lifecycles.apply(service, new Input.Exited(status));
            if (!service.state().isAlive()) {
                service.closeConsole();
            }
        }
    }

    /**
     * The process the service's command left running becomes the service's process: its end is
     * awaited (devstack is its parent now), and signals reach it with the rest. While something it
     * left runs but has not shown itself yet (listening on the port, or named in the pidfile), for
     * up to {@link #DAEMON_WAIT}, this is asked again every {@link #DAEMON_CHECK}; else the service
     * has ended after all.
     */
    void lookForDaemon(ServiceRuntime service) {
        long exited = service.pid;
        Descendants.Daemon daemon = descendants.daemon(service);
        if (daemon.chosen().isPresent()) {
            handOver(service, exited, daemon.chosen().get());
            return;
        }
        Instant now = stack.clock.instant();
        if (service.daemonDeadline == null) {
            service.daemonDeadline = now.plus(DAEMON_WAIT);
            if (daemon.othersRun()) {
                lifecycles.apply(service, new Input.AwaitingDaemon(exited, DAEMON_WAIT));
            }
        }
        if (!daemon.othersRun() || !now.isBefore(service.daemonDeadline)) {
            lifecycles.apply(service, new Input.NoDaemon());
            return;
        }
        int run = service.run;
        engine.schedule(() -> processExited(service, run, exited, new ExitStatus.Code(0)), DAEMON_CHECK);
    }

    private void handOver(ServiceRuntime service, long exited, ServiceProcess daemon) {
        long pid = daemon.pid();
        int run = service.run;
        service.pid = pid;
        service.pidStart = daemon.startTicks();
        service.daemonDeadline = null;
        descendants.watch(service);
        DaemonWait.start(pid, status -> engine.run(() -> processExited(service, run, pid, new ExitStatus.Code(status))));
        String listening = service.readinessPort().filter(port -> Long.valueOf(pid).equals(service.listeners.get(port)))
                .map(port -> ", listening on port " + port).orElse("");
        stack.notice(service.name(), "its command (pid " + exited + ") exited 0 and left pid " + pid + " running"
                + listening + ": that is the service's process now");
        lifecycles.apply(service, new Input.DaemonTookOver(pid));
    }
}
