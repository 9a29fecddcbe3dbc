package dev.devstack.supervisor.run;

import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.RestartReason;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StopMeans;
import dev.devstack.supervisor.plan.ServicePlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.regex.Pattern;

/**
 * The mutable state of one service; touched only on the engine thread (pid also read by the
 * last-resort shutdown hook). {@code run} counts its launches, so that news about an earlier run
 * of a restarted service is recognised and ignored.
 */
final class ServiceRuntime {

    /** Lines kept in memory per service; the log file has all of them. */
    static final int RECENT_LINES = 1000;

    final ServicePlan plan;
    final OutputRing recent = new OutputRing(RECENT_LINES);
    final List<Integer> ports;
    ServiceState state = ServiceState.PENDING;
    ServiceDetail detail = new ServiceDetail.None();
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
    Integer exitCode;
    /** The last signal devstack sent to its group, to tell a death by it from an exit code. */
    Signal sentSignal;
    /** How devstack asked it to stop, or null while it was not asked. */
    StopMeans stoppedBy;
    /** It has started at least once: what `started` dependents wait for. */
    boolean started;
    /** Its current run is ready. */
    boolean ready;
    /** A one-shot service that ran to completion (exit 0): what `completed` dependents wait for. */
    boolean completed;
    boolean readyTimedOut;
    /** Set while a `log` readiness check waits: read by the thread that reads the service's output. */
    volatile Pattern readyPattern;
    /** A line matched the `log` check before the start was confirmed. */
    boolean logMatched;
    /** Asked to stop while its process had not reported in yet: stopped as soon as it does. */
    boolean stopWhenStarted;
    /** Why the service is being stopped in order to be started again (unhealthy, asked for), or null. */
    RestartReason restartReason;
    int restarts;
    /** An earlier run of the service to keep as its first run (`up --adopt`), or null. */
    AssignmentReason.Adopted adoptee;
    /** The current run is the adopted process: devstack did not start it and leaves it running. */
    volatile boolean adopted;
    /** Restarts in a row, for the backoff and max_restarts. */
    int streak;
    ScheduledFuture<?> killTimer;
    ScheduledFuture<?> readyCheck;
    ScheduledFuture<?> restartTimer;
    ScheduledFuture<?> healthCheck;

    ServiceRuntime(ServicePlan plan, List<Integer> ports) {
        this.plan = plan;
        this.ports = List.copyOf(ports);
    }

    String name() {
        return plan.name();
    }

    /** Forgets what belonged to the previous run before launching again. */
    void beginRun() {
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
        exitCode = null;
        sentSignal = null;
        stoppedBy = null;
        ready = false;
        readyTimedOut = false;
        logMatched = false;
        stopWhenStarted = false;
        restartReason = null;
        adopted = false;
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
        boolean alive = pid > 0 && state.isAlive();
        Long listener = readinessPort().map(listeners::get).orElse(null);
        return new ServiceSnapshot(name(), state, alive ? OptionalLong.of(pid) : OptionalLong.empty(),
                alive && listener != null ? OptionalLong.of(listener) : OptionalLong.empty(), ports,
                Optional.ofNullable(startedAt), exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode),
                restarts, detail);
    }
}
