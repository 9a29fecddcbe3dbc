package dev.devstack.app;

import dev.devstack.store.Lease;
import java.util.Optional;

/**
 * The lease a claim by hand ({@code claim}, {@code run}) got. {@code again}: the name already had
 * a live lease, which was kept (and given the new pid or time to live). {@code notPreferred}: why
 * the first preferred port was not taken, when it was not.
 */
public record ManualClaim(Lease lease, boolean again, Optional<String> notPreferred) {

    public int port() {
        return lease.port();
    }
}
