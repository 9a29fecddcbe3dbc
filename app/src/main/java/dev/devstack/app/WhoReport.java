package dev.devstack.app;

import dev.devstack.store.Lease;
import java.util.List;
import java.util.Optional;

/**
 * Who has a port: the processes listening on it (none, one, or several with SO_REUSEPORT), and
 * the devstack lease on it, if any; {@code leaseAlive} tells whether the devstack that holds the
 * lease still runs (a dead one's lease is swept by the next registry operation that claims).
 */
public record WhoReport(int port, List<PortOccupant> holders, Optional<Lease> lease, boolean leaseAlive) {

    public WhoReport {
        holders = List.copyOf(holders);
    }

    public boolean listening() {
        return !holders.isEmpty();
    }
}
