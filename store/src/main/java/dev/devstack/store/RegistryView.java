package dev.devstack.store;

import java.util.List;
import java.util.Optional;

/** What a registry holds, read inside one locked operation; valid only until that operation returns. */
public interface RegistryView {

    List<Lease> leases();

    Optional<Lease> lease(LeaseOwner owner);

    List<StickyPort> stickyPorts();

    Optional<StickyPort> sticky(LeaseOwner owner);

    List<ProcessRecord> processes();

    /** The audit log, oldest first; at most {@link RegistryEvent#KEPT} events. */
    List<RegistryEvent> events();
}
