package dev.devstack.app;

import dev.devstack.store.Lease;
import dev.devstack.store.RegistryView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The leases of a registry transaction by port, read once and kept up to date by the changes made
 * through it: a batch of claims ({@link ManualLeases#changeAll}) would otherwise decode every lease
 * of the registry once per claim.
 */
final class PortIndex {

    private final Map<Integer, List<Lease>> byPort = new HashMap<>();

    private PortIndex() {
    }

    static PortIndex of(RegistryView view) {
        PortIndex index = new PortIndex();
        view.leases().forEach(index::add);
        return index;
    }

    /** Every lease on the port; empty when there is none. */
    List<Lease> on(int port) {
        return List.copyOf(byPort.getOrDefault(port, List.of()));
    }

    /** One lease on the port, or null: enough to refuse it to a claim. */
    Lease first(int port) {
        List<Lease> leases = byPort.get(port);
        return leases == null || leases.isEmpty() ? null : leases.get(0);
    }

    void add(Lease lease) {
        remove(lease);
        byPort.computeIfAbsent(lease.port(), port -> new ArrayList<>()).add(lease);
    }

    /** Forgets the lease of the same owner on the lease's port. */
    void remove(Lease lease) {
        List<Lease> leases = byPort.get(lease.port());
        if (leases != null) {
            leases.removeIf(other -> other.owner().equals(lease.owner()));
        }
    }
}
