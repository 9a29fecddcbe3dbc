package dev.devstack.supervisor.run;

import java.nio.file.Path;

/**
 * How a supervisor runs: where each service's log file is and how large one may grow before it
 * is rotated, and whether any failed service ends the whole stack (as `exit_on_failure` on each).
 */
public record SupervisorSettings(Path logDir, long logMaxBytes, boolean exitOnFailure) {

    /** About 10 MiB per file; the file before it is kept as {@code <service>.log.1}. */
    public static final long LOG_MAX_BYTES = 10L * 1024 * 1024;

    public static SupervisorSettings defaults(Path logDir) {
        return new SupervisorSettings(logDir, LOG_MAX_BYTES, false);
    }

    public SupervisorSettings withExitOnFailure(boolean exit) {
        return new SupervisorSettings(logDir, logMaxBytes, exit);
    }
}
