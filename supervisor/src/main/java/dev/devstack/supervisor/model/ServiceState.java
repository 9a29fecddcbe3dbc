package dev.devstack.supervisor.model;

import java.util.Locale;

/** Where a service is in its life (DESIGN §3). */
public enum ServiceState {
    /** Waiting for its dependencies. */
    PENDING,
    /** A dependency exited or never became ready; it will not start. */
    BLOCKED,
    /** Launched; the process has not reported in yet. */
    STARTING,
    /** Its process runs; its port does not accept connections yet (or it has none). */
    RUNNING,
    /** Its readiness check passed (by default: its port accepts connections). */
    READY,
    /** Ready once, but its health check has failed too often in a row since. */
    UNHEALTHY,
    /** Ended on its own with exit code 0. */
    EXITED,
    /** Ended on its own with another code or a signal. */
    CRASHED,
    /** Ended on its own and waits to be started again, as its restart policy says. */
    BACKOFF,
    /** Could not be started at all, or failed more restarts in a row than its policy allows. */
    FAILED,
    /** devstack asked it to stop and waits for it. */
    STOPPING,
    /** Stopped by devstack, or never started because the stack was stopping. */
    STOPPED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Nothing of the service runs and nothing will, without a new start. */
    public boolean isTerminal() {
        return this == BLOCKED || this == EXITED || this == CRASHED || this == FAILED || this == STOPPED;
    }

    /** Its process has started and nobody has asked it to stop: running, ready or unhealthy. */
    public boolean isUp() {
        return this == RUNNING || this == READY || this == UNHEALTHY;
    }

    /** A process of the service may be running. */
    public boolean isAlive() {
        return this == STARTING || this == RUNNING || this == READY || this == UNHEALTHY || this == STOPPING;
    }
}
