package dev.devstack.supervisor.plan;

import dev.devstack.store.Lease;
import dev.devstack.store.ProcessRecord;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RegistryView;
import dev.devstack.store.StickyPort;
import java.util.ArrayList;
import java.util.List;

/** A registry view held in memory, for planning tests. */
final class MemoryRegistry implements RegistryView {

    private final List<Lease> leases = new ArrayList<>();
    private final List<StickyPort> sticky = new ArrayList<>();

    MemoryRegistry lease(Lease lease) {
        leases.add(lease);
        return this;
    }

    MemoryRegistry remember(StickyPort port) {
        sticky.add(port);
        return this;
    }

    @Override
    public List<Lease> leases() {
        return leases;
    }

    @Override
    public List<StickyPort> stickyPorts() {
        return sticky;
    }

    @Override
    public List<ProcessRecord> processes() {
        return List.of();
    }

    @Override
    public List<RegistryEvent> events() {
        return List.of();
    }
}
