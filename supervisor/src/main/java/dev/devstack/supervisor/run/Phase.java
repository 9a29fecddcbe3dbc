package dev.devstack.supervisor.run;

import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StopCause;
import dev.devstack.supervisor.model.StopMeans;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one service is in its life, with what that phase has to know: one record per
 * {@link ServiceState}, each with the detail it is published with. Changed only by
 * {@link Lifecycle#next}.
 */
sealed interface Phase {

    ServiceState state();

    ServiceDetail detail();

    /** The same phase, told with another detail. */
    Phase with(ServiceDetail detail);

    record Pending(ServiceDetail detail) implements Phase {
        public ServiceState state() {
            return ServiceState.PENDING;
        }

        public Phase with(ServiceDetail detail) {
            return new Pending(detail);
        }
    }

    record Blocked(ServiceDetail detail) implements Phase {
        public ServiceState state() {
            return ServiceState.BLOCKED;
        }

        public Phase with(ServiceDetail detail) {
            return new Blocked(detail);
        }
    }

    /**
     * Launched (or being adopted). Once its process reports in, it is stopped (for {@code stop}) or
     * killed ({@code kill}, when the stack was asked to stop twice) if asked meanwhile;
     * {@code lineMatched}: the `log` check's line came before the start was confirmed.
     */
    record Starting(ServiceDetail detail, Optional<StopCause> stop, boolean kill, boolean lineMatched) implements Phase {
        public ServiceState state() {
            return ServiceState.STARTING;
        }

        public Phase with(ServiceDetail detail) {
            return new Starting(detail, stop, kill, lineMatched);
        }
    }

    /** Its process {@code pid} runs since {@code since}; not ready (yet, or ever: {@link Life#readiness}). */
    record Running(long pid, Instant since, ServiceDetail detail) implements Phase {
        public ServiceState state() {
            return ServiceState.RUNNING;
        }

        public Phase with(ServiceDetail detail) {
            return new Running(pid, since, detail);
        }
    }

    record Ready(long pid, Instant since, ServiceDetail detail) implements Phase {
        public ServiceState state() {
            return ServiceState.READY;
        }

        public Phase with(ServiceDetail detail) {
            return new Ready(pid, since, detail);
        }
    }

    record Unhealthy(long pid, Instant since, ServiceDetail detail) implements Phase {
        public ServiceState state() {
            return ServiceState.UNHEALTHY;
        }

        public Phase with(ServiceDetail detail) {
            return new Unhealthy(pid, since, detail);
        }
    }

    /**
     * Asked to stop by {@code means}, for {@code cause} (a {@link StopCause.Restart} starts it again
     * once it has ended); {@code sent} is the last signal sent (none while a stop command runs).
     */
    record Stopping(StopMeans means, Optional<Signal> sent, StopCause cause, ServiceDetail detail) implements Phase {
        public ServiceState state() {
            return ServiceState.STOPPING;
        }

        public Phase with(ServiceDetail detail) {
            return new Stopping(means, sent, cause, detail);
        }
    }

    record Backoff(ServiceDetail detail) implements Phase {
        public ServiceState state() {
            return ServiceState.BACKOFF;
        }

        public Phase with(ServiceDetail detail) {
            return new Backoff(detail);
        }
    }

    record Exited(ServiceDetail detail) implements Phase {
        public ServiceState state() {
            return ServiceState.EXITED;
        }

        public Phase with(ServiceDetail detail) {
            return new Exited(detail);
        }
    }

    record Crashed(ServiceDetail detail) implements Phase {
        public ServiceState state() {
            return ServiceState.CRASHED;
        }

        public Phase with(ServiceDetail detail) {
            return new Crashed(detail);
        }
    }

    record Failed(ServiceDetail detail) implements Phase {
        public ServiceState state() {
            return ServiceState.FAILED;
        }

        public Phase with(ServiceDetail detail) {
            return new Failed(detail);
        }
    }

    record Stopped(ServiceDetail detail) implements Phase {
        public ServiceState state() {
            return ServiceState.STOPPED;
        }

        public Phase with(ServiceDetail detail) {
            return new Stopped(detail);
        }
    }
}
