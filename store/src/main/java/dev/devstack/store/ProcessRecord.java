package dev.devstack.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A service process a supervisor started: enough to find it again after that supervisor died
 * without stopping it. {@code pid} leads its own process group; {@code pidStart} tells it from a
 * later process with the same pid; the supervisor's pid and start time tell whether it still runs.
 */
public record ProcessRecord(
        String project,
        String instance,
        String service,
        long pid,
        long pidStart,
        long supervisorPid,
        long supervisorStart,
        Instant startedAt) {

    public ProcessRecord {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
