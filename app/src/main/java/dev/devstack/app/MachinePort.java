package dev.devstack.app;

import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.Lease;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One port of this machine that something listens on or devstack leases: the addresses it listens
 * on, the process behind them when we may see it (its group too), its user, the lease and whether
 * the devstack holding it still runs, and a conflict: a process that is not the leasing service's
 * listens on a leased port. {@code addresses} is empty for a leased port nobody listens on.
 */
public record MachinePort(int port, List<String> addresses, Optional<ProcessInfo> process, OptionalLong processGroup,
                          String user, Optional<Lease> lease, boolean leaseAlive, Optional<LeaseConflict> conflict) {

    public MachinePort {
        addresses = List.copyOf(addresses);
    }

    public boolean listening() {
        return !addresses.isEmpty();
    }
}
