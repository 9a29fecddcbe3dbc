package dev.devstack.app;

import dev.devstack.store.Lease;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RegistryTransaction;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Writes the registry's audit log (`devstack history`), in the same transaction as the change an
 * event describes, so that the log never tells of a change that did not happen.
 */
final class Audit {

    private Audit() {
    }

    static RegistryEvent of(Instant at, RegistryEvent.Kind kind, Lease lease, String detail) {
        return new RegistryEvent(at, kind, lease.port(), lease.owner().describe(), lease.pid(), lease.user(), detail);
    }

    /** Sweeps dead and expired leases and logs each one with the reason. */
    static List<Lease> sweep(RegistryTransaction tx, Predicate<Lease> alive, Instant now) {
        List<Lease> swept = tx.sweep(alive);
        for (Lease lease : swept) {
            boolean expired = lease.expiresAt().filter(end -> !end.isAfter(now)).isPresent();
            tx.record(of(now, RegistryEvent.Kind.SWEEP, lease, expired ? "its time ran out"
                    : "its process (pid " + lease.pid() + ") has ended"));
        }
        return swept;
    }
}
