package dev.devstack.supervisor;

/** What kind of failure a {@link DevstackException} is; the command line maps each to an exit code. */
public enum ErrorCategory {
    /** ports.yaml, Procfile or .env is wrong, or the command line is. */
    INVALID_CONFIG,
    /** A port the configuration insists on (strict) is taken. */
    PORT_CONFLICT,
    /** The project is already running under another devstack. */
    ALREADY_RUNNING,
    /** The registry or another part of devstack's own state is unusable. */
    STATE,
    /** A running stack did not stop when asked to. */
    STOP_FAILED
}
