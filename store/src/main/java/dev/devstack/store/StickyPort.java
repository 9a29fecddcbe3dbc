package dev.devstack.store;

import java.time.Instant;
import java.util.Objects;

/** The port an owner had last time: offered to it first on its next start. */
public record StickyPort(LeaseOwner owner, int port, Instant lastUsed) {

    public StickyPort {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(lastUsed, "lastUsed");
    }
}
