package dev.devstack.store;

import java.util.List;
import java.util.Optional;

/** What a registry holds, read inside one locked operation; valid only until that operation returns. */
public interface RegistryView {

    List<Lease> leases();

    /** The owner's lease; a registry that can look it up by its key does so instead of this walk. */
    default Optional<Lease> lease(LeaseOwner owner) {
        return leases().stream().filter(lease -> lease.owner().equals(owner)).findFirst();
    }

    List<StickyPort> stickyPorts();

    /** The owner's sticky port; a registry that can look it up by its key does so instead of this walk. */
    default Optional<StickyPort> sticky(LeaseOwner owner) {
        return stickyPorts().stream().filter(port -> port.owner().equals(owner)).findFirst();
    }

    List<ProcessRecord> processes();

    /**
     * The leases a team registry holds for other hosts, for people to see; empty for the embedded
     * registry. {@link #leases()} is this host's alone: the ports planned, swept and checked here.
     */
    default List<RemoteLease> remoteLeases() {
        return List.of();
    }

    /** The pool of ports a team registry gives this user's project ({@code project}: its folder's name), if any. */
    default Optional<PortPool> pool(String user, String project) {
        return Optional.empty();
    }

    /** The audit log, oldest first; at most {@link RegistryEvent#KEPT} events. */
    List<RegistryEvent> events();
}
