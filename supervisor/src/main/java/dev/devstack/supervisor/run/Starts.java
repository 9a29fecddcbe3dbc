package dev.devstack.supervisor.run;

import dev.devstack.detect.ProcStat;
import dev.devstack.supervisor.config.CheckSpec;
import dev.devstack.supervisor.config.Condition;
import dev.devstack.supervisor.config.Dependency;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.OutputSource;
import dev.devstack.supervisor.model.RestartReason;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.plan.ServicePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Starting services: each one once its dependencies are started or ready (independent ones
 * together), and, when one ends on its own, what its restart policy says: start it again after
 * a backoff, give up on it, or leave it ended. A dependency that ends or gives up before it
 * satisfied its dependents leaves them blocked, with the reason.
 */
final class Starts {

    /** How long what a command left running may take to listen on its service's port or to write its pidfile. */
    static final Duration DAEMON_WAIT = Duration.ofSeconds(10);
    private static final Duration DAEMON_CHECK = Duration.ofMillis(100);

    /** How much of a failed one-shot task's output is repeated with its failure. */
    private static final int LAST_LINES_OF_A_FAILED_TASK = 5;

    private final StackState stack;
    private final Engine engine;
    private final Launcher launcher;
    private final LogFiles logs;
    private final ProcessJournal journal;
    private final Descendants descendants;
    private final Readiness readiness;
    private final Stops stops;
    private final boolean exitOnAnyFailure;

    Starts(StackState stack, Engine engine, Launcher launcher, LogFiles logs, ProcessJournal journal,
           Descendants descendants, Readiness readiness, Stops stops, boolean exitOnAnyFailure) {
        this.stack = stack;
        this.engine = engine;
        this.launcher = launcher;
        this.logs = logs;
        this.journal = journal;
        this.descendants = descendants;
        this.readiness = readiness;
        this.stops = stops;
        this.exitOnAnyFailure = exitOnAnyFailure;
    }

    /** Starts what can start now and blocks what never will; then checks whether the stack is finished. */
    void advance() {
        if (stack.stopRequested) {
            return;
        }
        for (ServiceRuntime service : stack.services.values()) {
            if (service.state != ServiceState.PENDING) {
                continue;
            }
            ServiceDetail blocker = null;
            boolean waiting = false;
            for (Dependency dependency : service.plan.spec().dependsOn()) {
                for (String unit : stack.plan.config().service(dependency.service()).orElseThrow().units()) {
                    ServiceRuntime on = stack.services.get(unit);
                    boolean satisfied = switch (dependency.condition()) {
                        case STARTED -> on.started;
                        case READY -> on.ready;
                        case COMPLETED -> on.completed;
                    };
                    if (satisfied) {
                        continue;
                    }
                    waiting = true;
                    if (blocker == null && (on.state.isTerminal()
                            || (dependency.condition() == Condition.READY && on.readyTimedOut))) {
                        blocker = blockReason(on, dependency.condition());
                    }
                }
            }
            if (blocker != null) {
                stack.plan.ports().release(service.name());
                stack.change(service, ServiceState.BLOCKED, blocker);
            } else if (!waiting) {
                launch(service);
            }
        }
        stack.checkFinished();
    }

    private static ServiceDetail blockReason(ServiceRuntime on, Condition condition) {
        return on.readyTimedOut ? new ServiceDetail.WaitsForUnready(on.name(), on.detail)
                : new ServiceDetail.WaitsFor(on.name(), condition, on.state, on.detail);
    }

    private void launch(ServiceRuntime service) {
        stack.plan.ports().release(service.name());
        service.beginRun();
        if (service.adoptee != null && adopt(service)) {
            return;
        }
        service.readyPattern = service.plan.spec().ready().filter(check -> check.kind() == CheckSpec.Kind.LOG)
                .map(check -> Pattern.compile(check.target())).orElse(null);
        stack.change(service, ServiceState.STARTING, new ServiceDetail.Launching(service.plan.command()));
        ServicePlan plan = service.plan;
        int run = service.run;
        LogFiles.RunLog log = logs.forRun(service.name());
        try {
            Map<String, String> environment = new HashMap<>(plan.environment());
            environment.put(ProcessTracker.RUN_VARIABLE, ProcessTracker.runValue(service.name(), run));
            launcher.launch(plan.command(), plan.spec().cwd(), environment, new ProcessListener() {
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
                    Pattern ready = service.readyPattern;
                    if (ready != null && ready.matcher(line).find()) {
                        service.readyPattern = null;
                        engine.run(() -> readiness.lineMatched(service, run, Starts.this::advance));
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
        } catch (RuntimeException e) {
            launchedExited(service, run, new ExitStatus.NeverStarted());
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
        service.adopted = true;
        int run = service.run;
        stack.change(service, ServiceState.STARTING, new ServiceDetail.Adopting(adoptee.holder()));
        stack.notice(service.name(), "adopted " + adoptee.holder() + " (" + adoptee.evidence() + "): its output is"
                + " not captured, and it is left running when the stack stops");
        process.get().onExit().thenRun(() -> engine.run(() -> processExited(service, run, adoptee.pid(),
                new ExitStatus.Unknown())));
        onStarted(service, run, adoptee.pid());
        return true;
    }

    private void onStarted(ServiceRuntime service, int run, long pid) {
        if (service.run != run || service.state != ServiceState.STARTING) {
            return;
        }
        service.pid = pid;
        if (!service.adopted) {
            service.leader = pid;
            service.leaderStart = ProcStat.of(pid).map(ProcStat::startTicks).orElse(0L);
            service.pidStart = service.leaderStart;
            journal.started(service.name(), pid);
            descendants.watch(service);
        }
        service.started = true;
        service.startedAt = stack.clock.instant();
        stack.change(service, ServiceState.RUNNING, new ServiceDetail.Started(pid));
        if (stack.killRequested) {
            stops.kill(service);
        } else if (stack.stopRequested || service.stopWhenStarted) {
            stops.terminate(service);
        } else {
            if (!service.plan.spec().oneshot()) {
                readiness.watch(service, this::advance);
            }
            advance();
        }
    }

    /** Stops the service's current run (SIGTERM to its group, as on stop) and starts it again once it ended. */
    void restartNow(ServiceRuntime service, RestartReason reason) {
        if (stack.stopRequested || !service.state.isUp()) {
            return;
        }
        service.restartReason = reason;
        stops.terminate(service);
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
        descendants.watch(service);
        processExited(service, run, service.leader, status);
    }

    /** The service's process ({@code pid}) of the run has ended; news about any other process is not. */
    private void processExited(ServiceRuntime service, int run, long pid, ExitStatus status) {
        if (service.run != run || service.pid != pid || service.state.isTerminal()
                || service.state == ServiceState.BACKOFF) {
            return;
        }
        if (status.equals(new ExitStatus.Code(0)) && mayDaemonize(service) && handOverOrWait(service, pid)) {
            return;
        }
        service.cancelTimers();
        if (!service.adopted) {
            // what is left of it (its lifeline watcher, children left behind) ends with it
            descendants.endRemaining(service);
        }
        int code = 1;
        if (status instanceof ExitStatus.Code exit) {
            code = exit.code();
        } else if (status instanceof ExitStatus.Unknown) {
            stack.notice(service.name(), "the adopted process (pid " + service.pid + ") has ended; its exit code is"
                    + " not known to devstack");
            code = service.sentSignal != null ? service.sentSignal.number() : 0;
        }
        if (status instanceof ExitStatus.NeverStarted) {
            stack.change(service, ServiceState.FAILED, new ServiceDetail.LaunchFailed(service.plan.command(),
                    service.plan.spec().cwd()));
            failed(service, 1);
        } else if (service.stoppedBy != null && service.restartReason != null && !stack.stopRequested) {
            service.exitCode = code;
            service.restarts++;
            stack.change(service, ServiceState.BACKOFF, new ServiceDetail.RestartingNow(
                    ExitDescription.stopped(service.stoppedBy, service.sentSignal, code), service.restarts,
                    service.restartReason));
            launch(service);
        } else if (service.stoppedBy != null) {
            service.exitCode = code;
            stack.change(service, ServiceState.STOPPED, new ServiceDetail.Ended(
                    ExitDescription.stopped(service.stoppedBy, service.sentSignal, code)));
        } else {
            service.exitCode = code;
            ended(service, code);
        }
        if (stack.stopRequested) {
            stops.proceed();
        } else {
            advance();
        }
        stack.checkFinished();
    }

    /**
     * A service whose command exits 0 may have left a daemon running, as a forking server does
     * (systemd's Type=forking): one with a port or a pidfile, running and not asked to stop.
     */
    private boolean mayDaemonize(ServiceRuntime service) {
        return !service.adopted && service.stoppedBy == null && !stack.stopRequested && !service.plan.spec().oneshot()
                && (service.readinessPort().isPresent() || service.plan.spec().pidfile().isPresent())
                && service.state.isUp();
    }

    /**
     * The process the service's command left running becomes the service's process: its end is
     * awaited (devstack is its parent now), and signals reach it with the rest. While something it
     * left runs but has not shown itself yet (listening on the port, or named in the pidfile), for
     * up to {@link #DAEMON_WAIT}, this is asked again every {@link #DAEMON_CHECK}; false when the
     * service has ended after all.
     */
    private boolean handOverOrWait(ServiceRuntime service, long exited) {
        Descendants.Daemon daemon = descendants.daemon(service);
        if (daemon.chosen().isPresent()) {
            handOver(service, exited, daemon.chosen().get());
            return true;
        }
        Instant now = stack.clock.instant();
        if (service.daemonDeadline == null) {
            service.daemonDeadline = now.plus(DAEMON_WAIT);
            if (daemon.othersRun()) {
                ServiceDetail waiting = new ServiceDetail.AwaitingDaemon(exited, DAEMON_WAIT, service.readinessPort(),
                        service.plan.spec().pidfile());
                stack.explain(service, waiting, DetailText.of(waiting));
            }
        }
        if (!daemon.othersRun() || !now.isBefore(service.daemonDeadline)) {
            return false;
        }
        int run = service.run;
        engine.schedule(() -> processExited(service, run, exited, new ExitStatus.Code(0)), DAEMON_CHECK);
        return true;
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
        stack.change(service, service.state, new ServiceDetail.DaemonTookOver(pid));
    }

    /** A service ended on its own: restart it, give up on it, or leave it ended, as its policy says. */
    private void ended(ServiceRuntime service, int code) {
        ExitDescription exit = new ExitDescription.Natural(code);
        Duration uptime = service.startedAt == null ? Duration.ZERO
                : Duration.between(service.startedAt, stack.clock.instant());
        Restarts.Decision decision = stack.stopRequested ? new Restarts.Stay()
                : Restarts.decide(service.plan.spec().restart(), code, uptime, service.streak);
        if (decision instanceof Restarts.Restart restart) {
            service.streak = restart.streak();
            service.restarts++;
            stack.change(service, ServiceState.BACKOFF, new ServiceDetail.RestartScheduled(exit, service.restarts,
                    restart.delay()));
            service.restartTimer = engine.schedule(() -> restart(service), restart.delay());
        } else if (decision instanceof Restarts.GiveUp giveUp) {
            stack.change(service, ServiceState.FAILED, new ServiceDetail.GaveUp(exit, giveUp.restarts()));
            failed(service, code);
        } else if (code == 0) {
            service.completed = service.plan.spec().oneshot();
            stack.change(service, ServiceState.EXITED, service.completed ? new ServiceDetail.Completed()
                    : new ServiceDetail.Ended(exit));
        } else {
            stack.change(service, ServiceState.CRASHED, new ServiceDetail.Ended(exit));
            if (service.plan.spec().oneshot()) {
                List<String> last = service.recent.last(LAST_LINES_OF_A_FAILED_TASK);
                stack.notice(service.name(), last.isEmpty() ? "it printed nothing"
                        : "its last " + (last.size() == 1 ? "line" : last.size() + " lines") + ":");
                last.forEach(line -> stack.notice(service.name(), "  " + line));
            }
            failed(service, code);
        }
    }

    /** With `exit_on_failure` (its own, or for all), a failure ends the stack with the service's exit code. */
    private void failed(ServiceRuntime service, int code) {
        if (stack.stopRequested || !(exitOnAnyFailure || service.plan.spec().exitOnFailure())) {
            return;
        }
        stack.failure = new StackOutcome.Failure(service.name(), code >= 1 && code <= 255 ? code : 1, service.detail);
        stack.notice(service.name(), "failed, and exit_on_failure is set: stopping the stack");
        stops.begin();
    }

    private void restart(ServiceRuntime service) {
        if (service.state == ServiceState.BACKOFF && !stack.stopRequested) {
            launch(service);
        }
    }
}
