package dev.devstack.supervisor.run;

import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.CheckStatus;
import dev.devstack.supervisor.model.RestartRecord;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.plan.ServicePlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * One service: its {@link Life} (changed only by its {@link Lifecycle}) and the bookkeeping of its
 * processes, timers and output. Touched only on the engine thread (life, pid and the tracked
 * processes also read by the last-resort shutdown hook). {@code run} counts its launches, so that
 * news about an earlier run of a restarted service is recognised and ignored.
 */
final class ServiceRuntime {

    /** Lines kept in memory per service; the log file has all of them. */
    static final int RECENT_LINES = 1000;

    private final boolean exitOnAnyFailure;
    /** What it runs with; a reload may give it another plan between two runs ({@link #replan}). */
    ServicePlan plan;
    Lifecycle lifecycle;
    final OutputRing recent = new OutputRing(RECENT_LINES);
    volatile List<Integer> ports;
    /** A reload removed it: once it has ended, the stack forgets it. */
    boolean removed;
    volatile Life life = Life.initial();
    int run;
    /** Its process: the one devstack launched, or, once that exited 0 leaving a daemon, the daemon. */
    volatile long pid;
    /** Its start time (clock ticks since boot), which tells it from a later process with its pid. */
    volatile long pidStart;
    /** The process devstack launched for this run: the leader of the service's session and group. */
    volatile long leader;
    /** The launched process's start time (clock ticks since boot), which tells it from a later process with its pid. */
    volatile long leaderStart;
    /** Its other processes, as last found by the {@link ProcessTracker}. */
    volatile Set<ServiceProcess> tracked = Set.of();
    /** Who listens on each of its ports, as last found. */
    Map<Integer, Long> listeners = Map.of();
    /** The end of the launched process was seen for this run (NuProcess and the tracker may both report it). */
    boolean leaderEnded;
    /** Until when what its command left running may take to show itself as the service's daemon. */
    Instant daemonDeadline;
    Instant startedAt;
    /** The current run's standard input (its pipe or terminal); null before the first launch and once the run is over. */
    ServiceConsole console;
    /** Set while a `log` readiness check waits: read by the thread that reads the service's output. */
    volatile ReadyLine readyLine;
    /** An earlier run of the service to keep as its first run (`up --adopt`), or null. */
    AssignmentReason.Adopted adoptee;
    /** What its `ready:` and `health:` checks last found, over all its runs (for `inspect`). */
    volatile CheckStatus.Attempt lastReadiness;
    volatile CheckStatus.Attempt lastHealth;
    /** Its latest restarts, oldest first ({@link Inspections#RESTARTS_KEPT} at most). */
    volatile List<RestartRecord> restartHistory = List.of();
    /** The health check of the current run, made once per run. */
    Probe healthProbe;
    ScheduledFuture<?> killTimer;
    ScheduledFuture<?> readyCheck;
    ScheduledFuture<?> restartTimer;
    ScheduledFuture<?> healthCheck;

    /** @param run the runs an earlier unit of its name had, so that news of them is never taken for its own */
    ServiceRuntime(ServicePlan plan, List<Integer> ports, boolean exitOnAnyFailure, int run) {
        this.exitOnAnyFailure = exitOnAnyFailure;
        this.run = run;
        replan(plan, ports);
    }

    /** From its next run on, it runs with {@code plan} on {@code ports}. */
    void replan(ServicePlan plan, List<Integer> ports) {
        this.plan = plan;
        this.ports = List.copyOf(ports);
        this.lifecycle = new Lifecycle(LifeRules.of(plan, exitOnAnyFailure));
    }

    String name() {
        return plan.name();
    }

    ServiceState state() {
        return life.phase().state();
    }

    /** The last signal devstack sent to it while stopping it, to tell a death by it from an exit code. */
    Optional<Signal> sentSignal() {
        return life.phase() instanceof Phase.Stopping stopping ? stopping.sent() : Optional.empty();
    }

    /** Forgets what belonged to the previous run before launching again. */
    void beginRun() {
        closeConsole();
        run++;
        pid = 0;
        pidStart = 0;
        daemonDeadline = null;
        leader = 0;
        leaderStart = 0;
        tracked = Set.of();
        listeners = Map.of();
        leaderEnded = false;
        startedAt = null;
        healthProbe = null;
    }

    /** The run's input ends: its pipe's end of file, or its terminal let go of. */
    void closeConsole() {
        if (console != null) {
            console.close();
            console = null;
        }
    }

    /** The port readiness is checked on: its own primary port, else its first named one. */
    Optional<Integer> readinessPort() {
        return plan.ownPorts().stream().findFirst();
    }

    void cancelTimers() {
        for (ScheduledFuture<?> timer : new ScheduledFuture<?>[] {killTimer, readyCheck, restartTimer, healthCheck}) {
            if (timer != null) {
                timer.cancel(false);
            }
        }
        killTimer = null;
        readyCheck = null;
        restartTimer = null;
        healthCheck = null;
    }

    ServiceSnapshot snapshot() {
        Life now = life;
        ServiceState state = now.phase().state();
        boolean alive = pid > 0 && state.isAlive();
        Long listener = readinessPort().map(listeners::get).orElse(null);
        return new ServiceSnapshot(name(), state, alive ? OptionalLong.of(pid) : OptionalLong.empty(),
                alive && listener != null ? OptionalLong.of(listener) : OptionalLong.empty(), ports,
                Optional.ofNullable(startedAt), now.exitCode(), now.restarts(), now.phase().detail());
    }
}
