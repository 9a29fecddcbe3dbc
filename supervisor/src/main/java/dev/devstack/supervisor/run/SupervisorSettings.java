package dev.devstack.supervisor.run;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a supervisor runs: how long to wait for a dependency to be ready, where to keep each
 * service's output and how large one log file may grow before it is rotated.
 */
public record SupervisorSettings(Duration readyTimeout, Path logDir, long logMaxBytes) {

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** About 10 MiB per file; the file before it is kept as {@code <service>.log.1}. */
    public static final long LOG_MAX_BYTES = 10L * 1024 * 1024;

    public static SupervisorSettings defaults(Path logDir) {
        return new SupervisorSettings(READY_TIMEOUT, logDir, LOG_MAX_BYTES);
    }
}
