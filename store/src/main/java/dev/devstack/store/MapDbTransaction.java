package dev.devstack.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Predicate;

/** A view of, and changes to, the maps of an open registry file. */
final class MapDbTransaction implements RegistryTransaction {

    private final LeaseCodec codec;
    private final Map<String, String> leases;
    private final Map<String, String> sticky;
    private final Map<String, String> processes;
    private final NavigableMap<String, String> events;

    MapDbTransaction(LeaseCodec codec, Map<String, String> leases, Map<String, String> sticky,
                     Map<String, String> processes, NavigableMap<String, String> events) {
        this.codec = codec;
        this.leases = leases;
        this.sticky = sticky;
        this.processes = processes;
        this.events = events;
    }

    @Override
    public List<Lease> leases() {
        List<Lease> all = new ArrayList<>(leases.size());
        leases.forEach((key, value) -> all.add(codec.decodeLease(key, value)));
        return all;
    }

    @Override
    public Optional<Lease> lease(LeaseOwner owner) {
        String key = codec.key(owner);
        return Optional.ofNullable(leases.get(key)).map(value -> codec.decodeLease(key, value));
    }

    @Override
    public List<StickyPort> stickyPorts() {
        List<StickyPort> all = new ArrayList<>(sticky.size());
        sticky.forEach((key, value) -> all.add(codec.decodeSticky(key, value)));
        return all;
    }

    @Override
    public Optional<StickyPort> sticky(LeaseOwner owner) {
        String key = codec.key(owner);
        return Optional.ofNullable(sticky.get(key)).map(value -> codec.decodeSticky(key, value));
    }

    @Override
    public List<ProcessRecord> processes() {
        List<ProcessRecord> all = new ArrayList<>(processes.size());
        processes.values().forEach(value -> all.add(codec.decodeProcess(value)));
        return all;
    }

    @Override
    public void recordProcess(ProcessRecord process) {
        processes.put(codec.processKey(process.project(), process.instance(), process.service(), process.pid()),
                codec.encode(process));
    }

    @Override
    public void forgetProcess(String project, String instance, String service, long pid) {
        processes.remove(codec.processKey(project, instance, service, pid));
    }

    @Override
    public void putLease(Lease lease) {
        leases.put(codec.key(lease.owner()), codec.encode(lease));
    }

    @Override
    public void removeLease(LeaseOwner owner) {
        leases.remove(codec.key(owner));
    }

    @Override
    public void remember(StickyPort port) {
        sticky.put(codec.key(port.owner()), codec.encode(port));
    }

    @Override
    public List<RegistryEvent> events() {
        List<RegistryEvent> all = new ArrayList<>(events.size());
        events.values().forEach(value -> all.add(codec.decodeEvent(value)));
        return all;
    }

    @Override
    public void record(RegistryEvent event) {
        long next = events.isEmpty() ? 1 : Long.parseLong(events.lastKey()) + 1;
        events.put(String.format("%019d", next), codec.encode(event));
        while (events.size() > RegistryEvent.KEPT) {
            events.remove(events.firstKey());
        }
    }

    @Override
    public List<Lease> sweep(Predicate<Lease> isAlive) {
        List<Lease> dead = new ArrayList<>();
        for (Lease lease : leases()) {
            if (!isAlive.test(lease)) {
                dead.add(lease);
                leases.remove(codec.key(lease.owner()));
            }
        }
        return dead;
    }
}
