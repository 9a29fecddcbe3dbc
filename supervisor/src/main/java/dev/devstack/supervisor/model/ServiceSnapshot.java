package dev.devstack.supervisor.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One service at one moment. {@code pid} is its process; {@code listener} the process listening on
 * its port (readiness port: primary, else first named), which may be a child of it (npm, a
 * reloader) or its daemon. {@code ports} are its assigned ports, primary first; {@code restarts}
 * counts all of them.
 */
public record ServiceSnapshot(
        String name,
        ServiceState state,
        OptionalLong pid,
        OptionalLong listener,
        List<Integer> ports,
        Optional<Instant> startedAt,
        OptionalInt exitCode,
        int restarts,
        ServiceDetail detail) {

    public ServiceSnapshot {
        ports = List.copyOf(ports);
    }
}
