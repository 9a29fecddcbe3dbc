package dev.devstack.app;

import dev.devstack.store.Lease;
import dev.devstack.store.RemoteLease;
import java.util.List;
import java.util.Optional;

/**
 * Who has a port: the processes listening on it (none, one, or several with SO_REUSEPORT), and
 * the devstack lease on it, if any; {@code leaseAlive} tells whether the devstack that holds the
 * lease still runs (a dead one's lease is swept by the next registry operation that claims).
 * {@code remote}: the leases a team registry holds on the same port number of other hosts, by host.
 */
public record WhoReport(int port, List<PortOccupant> holders, Optional<Lease> lease, boolean leaseAlive,
                        List<RemoteLease> remote) {

    public WhoReport {
        holders = List.copyOf(holders);
        remote = List.copyOf(remote);
    }

    public boolean listening() {
        return !holders.isEmpty();
    }
}
