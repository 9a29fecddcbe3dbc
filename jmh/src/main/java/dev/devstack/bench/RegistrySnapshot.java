package dev.devstack.bench;

import dev.devstack.store.Lease;
import dev.devstack.store.ProcessRecord;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RegistryView;
import dev.devstack.store.StickyPort;
import java.util.List;

/**
 * What a registry held, kept in memory, so that the planner's benchmark measures planning and
 * probing without the registry's file operations (measured on their own by {@link RegistryClaimBenchmark}).
 */
record RegistrySnapshot(List<Lease> leases, List<StickyPort> stickyPorts) implements RegistryView {

    @Override
    public List<ProcessRecord> processes() {
        return List.of();
    }

    @Override
    public List<RegistryEvent> events() {
        return List.of();
    }
}
