package dev.devstack.supervisor.run;

import java.nio.file.Path;

/**
 * How a supervisor runs: where each service's log file is and how large one may grow before it
 * is rotated, whether any failed service ends the whole stack (as `exit_on_failure` on each), and
 * whether the stack stays open when every service has ended (someone at a dashboard may start
 * them again), so that only {@link Supervisor#stop} finishes it.
 */
public record SupervisorSettings(Path logDir, long logMaxBytes, boolean exitOnFailure, boolean stayOpen) {

    /** About 10 MiB per file; the file before it is kept as {@code <service>.log.1}. */
    public static final long LOG_MAX_BYTES = 10L * 1024 * 1024;

    public static SupervisorSettings defaults(Path logDir) {
        return new SupervisorSettings(logDir, LOG_MAX_BYTES, false, false);
    }

    public SupervisorSettings withExitOnFailure(boolean exit) {
        return new SupervisorSettings(logDir, logMaxBytes, exit, stayOpen);
    }

    public SupervisorSettings withStayOpen(boolean open) {
        return new SupervisorSettings(logDir, logMaxBytes, exitOnFailure, open);
    }
}
