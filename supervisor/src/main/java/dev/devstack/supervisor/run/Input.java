package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.ReadinessFinding;
import dev.devstack.supervisor.model.ServiceDetail;
import java.time.Duration;
import java.util.Optional;

/** What can happen to a service: news from its process, its checks, its timers, the stack or a user. */
sealed interface Input {

    /** A new run was launched ({@link ServiceDetail.Launching}) or an earlier run adopted ({@link ServiceDetail.Adopting}). */
    record Launched(ServiceDetail how) implements Input {
    }

    /** A dependency will never be satisfied: it will not start. */
    record Blocked(ServiceDetail why) implements Input {
    }

    /** The run's process reported in. */
    record Started(long pid) implements Input {
    }

    /** The service's process ended. */
    record Exited(ExitStatus status) implements Input {
    }

    /** Its command exited 0 and left a daemon running, which is the service's process {@code pid} now. */
    record DaemonTookOver(long pid) implements Input {
    }

    /** Its command ({@code command}) exited 0 and left something running that may yet show itself as the service. */
    record AwaitingDaemon(long command, Duration waitUpTo) implements Input {
    }

    /** Its command exited 0 and nothing it left running became the service: it has ended with exit 0. */
    record NoDaemon() implements Input {
    }

    /** A line of its output matched its `log` readiness check. */
    record LineMatched() implements Input {
    }

    /** Its readiness check passed, or the wait for it was given up. */
    record ReadinessFound(ReadinessFinding finding) implements Input {
    }

    /** Its health check ran: passed, or failed {@code inARow} times in a row. */
    record HealthChecked(boolean passed, int inARow, String check, String result) implements Input {
    }

    /** The stack is stopping (services that have not started will not). */
    record StackStopping() implements Input {
    }

    /** The stack stops it now: everything that depends on it has ended. */
    record Stop() implements Input {
    }

    /** The stack was asked to stop again: SIGKILL to what is left. */
    record KillAll() implements Input {
    }

    /** What blocked it ({@code by}) is being started again. */
    record Unblocked(String by) implements Input {
    }

    /** A user asked for something (dashboard, control socket); {@code by}: who, if they said so. */
    record Asked(Action action, Optional<String> by) implements Input {
    }

    /** Files it watches changed ({@code watch:}, or {@code watch_cascade} of what it depends on). */
    record FilesChanged() implements Input {
    }

    /** One of its timers fired. */
    record TimerFired(Timer timer) implements Input {
    }

    /** A reload removed it from the stack, or changed its configuration. */
    record Reconfigured(Change change) implements Input {
    }

    /** Its stop command failed; {@code finding} says how. */
    record StopCommandFailed(String finding) implements Input {
    }

    /** What a user may ask of one service. */
    enum Action {
        START,
        STOP,
        RESTART,
        KILL
    }

    /** What a reload did to a unit. */
    enum Change {
        /** It is no longer in the configuration: it stops for good, and the stack forgets it. */
        REMOVED,
        /** Its configuration changed: it stops and starts again with the new one. */
        CHANGED
    }

    /** The timers a service's life sets. */
    enum Timer {
        /** Its stop timeout passed: SIGKILL. */
        STOP_TIMEOUT,
        /** A SIGKILLed service did not report its end in time: give up on it. */
        AFTER_KILL,
        /** Its backoff is over: start it again. */
        BACKOFF_OVER
    }
}
