package dev.devstack.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A port held for an owner. The lease is valid while the process identified by {@code pid} and
 * {@code pidStart} (pids are reused, the pair is not) is alive, and until {@code expiresAt}, if it
 * has one. A lease claimed by hand without a process ({@code pid} 0) lasts until it is released or
 * expires.
 */
public record Lease(LeaseOwner owner, int port, long pid, long pidStart, String user, Instant claimedAt,
                    Optional<Instant> expiresAt) {

    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(claimedAt, "claimedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A lease held by a process for as long as it lives, as `up` takes them. */
    public Lease(LeaseOwner owner, int port, long pid, long pidStart, String user, Instant claimedAt) {
        this(owner, port, pid, pidStart, user, claimedAt, Optional.empty());
    }

    /** Tied to a process (else: held until released or expired). */
    public boolean processBound() {
        return pid > 0;
    }

    public boolean expiredAt(Instant now) {
        return expiresAt.map(end -> !now.isBefore(end)).orElse(false);
    }
}
