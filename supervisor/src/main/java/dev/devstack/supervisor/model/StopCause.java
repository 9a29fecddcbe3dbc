package dev.devstack.supervisor.model;

/** Why a service is stopped, or not started. */
public enum StopCause {
    /** The whole stack is stopping. */
    SHUTDOWN,
    /** A user asked for this service (dashboard, control socket). */
    ASKED
}
