package dev.devstack.cli;

import dev.devstack.supervisor.ErrorCategory;

/** The exit codes of every devstack command; docs/cli.md lists them. */
final class ExitCodes {

    static final int OK = 0;
    /**
     * `who`, `kill`: nothing listens on the port; `kill`: the user said no; `release`: no lease was released;
     * `logs`, `restart`, `stop`, `start`, `kill`: the running stack has no such service (its refusal);
     * `reload`, `scale`: the stack refused to apply the configuration (stopping, a port it cannot have, no such service).
     */
    static final int NOT_FOUND = 1;
    /** Also `reload` and `scale`: the running stack found problems in the configuration it read again. */
    static final int INVALID_CONFIG = 2;
    /** A wrong command line; the same code as invalid configuration, as docs/cli.md says. */
    static final int USAGE = 2;
    static final int PORT_CONFLICT = 3;
    static final int ALREADY_RUNNING = 4;
    static final int STATE = 5;
    static final int STOP_FAILED = 6;
    /** `ports --require-running`, `status`, `wait`, and the commands that drive a running stack: no `up` runs the project. */
    static final int NOT_RUNNING = 7;
    /** `up`, `up -d`, `wait`: a service failed (its own exit status is said on stderr, never passed on as this code). */
    static final int SERVICE_FAILED = 8;
    /** `up -d`, `wait`: the time given (`--timeout`) ran out before every service was there. */
    static final int TIMED_OUT = 9;
    static final int INTERNAL = 70;

    private ExitCodes() {
    }

    static int of(ErrorCategory category) {
        return switch (category) {
            case INVALID_CONFIG -> INVALID_CONFIG;
            case PORT_CONFLICT -> PORT_CONFLICT;
            case ALREADY_RUNNING -> ALREADY_RUNNING;
            case STATE -> STATE;
            case STOP_FAILED -> STOP_FAILED;
        };
    }
}
