package dev.devstack.app;

import dev.devstack.supervisor.config.PortRange;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What `devstack claim` or `run` asks for: preferred ports (the first free one; otherwise the next
 * free port above the last), or a range (scanned from an offset hashed from the name), a name, a
 * time to live, and a process whose death ends the lease. Without a pid the lease lasts until
 * released or expired.
 */
public record ClaimRequest(List<Integer> preferred, Optional<PortRange> range, Optional<String> name,
                           Optional<Duration> ttl, OptionalLong pid) {

    public ClaimRequest {
        preferred = List.copyOf(preferred);
    }

    /** The same request, scanning {@code pool} when it names neither ports nor a range. */
    ClaimRequest within(PortRange pool) {
        return preferred.isEmpty() && range.isEmpty() ? new ClaimRequest(preferred, Optional.of(pool), name, ttl, pid) : this;
    }
}
