package dev.devstack.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A port held by a live process. The lease is valid while the process identified by
 * {@code pid} and {@code pidStart} (pids are reused, the pair is not) is alive.
 */
public record Lease(LeaseOwner owner, int port, long pid, long pidStart, String user, Instant claimedAt) {

    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(claimedAt, "claimedAt");
    }
}
