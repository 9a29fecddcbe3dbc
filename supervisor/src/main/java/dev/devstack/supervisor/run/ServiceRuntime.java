package dev.devstack.supervisor.run;

import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.plan.AssignmentReason;
import dev.devstack.supervisor.plan.ServicePlan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
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
    String detail = "";
    int run;
    volatile long pid;
    Instant startedAt;
    Integer exitCode;
    /** The last signal devstack sent to its group, to tell a death by it from an exit code. */
    Signal sentSignal;
    /** How devstack asked it to stop ("SIGTERM", "stop_command"), or null while it was not asked. */
    String stoppedBy;
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
    String restartReason;
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
        return new ServiceSnapshot(name(), state, pid > 0 && state.isAlive() ? OptionalLong.of(pid) : OptionalLong.empty(),
                ports, Optional.ofNullable(startedAt), exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode),
                restarts, detail);
    }
}
