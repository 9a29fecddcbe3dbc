package dev.devstack.supervisor.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One service at one moment. {@code ports} are its assigned ports, primary first; {@code restarts} counts all of them. */
public record ServiceSnapshot(
        String name,
        ServiceState state,
        OptionalLong pid,
        List<Integer> ports,
        Optional<Instant> startedAt,
        OptionalInt exitCode,
        int restarts,
        String detail) {

    public ServiceSnapshot {
        ports = List.copyOf(ports);
    }
}
