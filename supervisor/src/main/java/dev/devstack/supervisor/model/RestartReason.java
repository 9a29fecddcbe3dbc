package dev.devstack.supervisor.model;

/** Why devstack stops a running service in order to start it again. */
public enum RestartReason {
    /** Its health check failed too often in a row, and it has `restart_on_unhealthy`. */
    UNHEALTHY,
    /** A user asked for it. */
    ASKED,
    /** Files it watches ({@code watch:}) changed. */
    WATCH
}
