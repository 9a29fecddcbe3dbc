package dev.devstack.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A view of, and changes to, the maps of an open registry file. Whatever fails in here failed in
 * MapDB or in decoding an entry, never in the caller's work, so it is reported as a damaged file
 * or an I/O error of {@code file} ({@link MapDbFailure}).
 */
final class MapDbTransaction implements RegistryTransaction {

    private final LeaseCodec codec;
    private final Path file;
    private final Map<String, String> leases;
    private final Map<String, String> sticky;
    private final Map<String, String> processes;
    private final NavigableMap<String, String> events;
    /**
     * Every lease, decoded once per operation until a lease changes: a claim reads them all two or
     * three times (the sweep, the check for a running stack, the planner or the scan), and decoding
     * each is two JSON parses.
     */
    private List<Lease> decodedLeases;
    /** The numbers of the first and last event of the log, read at the first event recorded (-1 until then). */
    private long firstEvent = -1;
    private long lastEvent = -1;

    MapDbTransaction(LeaseCodec codec, Path file, Map<String, String> leases, Map<String, String> sticky,
                     Map<String, String> processes, NavigableMap<String, String> events) {
        this.codec = codec;
        this.file = file;
        this.leases = leases;
        this.sticky = sticky;
        this.processes = processes;
        this.events = events;
    }

    @Override
    public List<Lease> leases() {
        if (decodedLeases == null) {
            decodedLeases = reading(() -> {
                List<Lease> all = new ArrayList<>();
                leases.forEach((key, value) -> all.add(codec.decodeLease(key, value)));
                return List.copyOf(all);
            });
        }
        return decodedLeases;
    }

    @Override
    public Optional<Lease> lease(LeaseOwner owner) {
        String key = codec.key(owner);
        return reading(() -> Optional.ofNullable(leases.get(key)).map(value -> codec.decodeLease(key, value)));
    }

    @Override
    public List<StickyPort> stickyPorts() {
        return reading(() -> {
            List<StickyPort> all = new ArrayList<>(sticky.size());
            sticky.forEach((key, value) -> all.add(codec.decodeSticky(key, value)));
            return all;
        });
    }

    @Override
    public Optional<StickyPort> sticky(LeaseOwner owner) {
        String key = codec.key(owner);
        return reading(() -> Optional.ofNullable(sticky.get(key)).map(value -> codec.decodeSticky(key, value)));
    }

    @Override
    public List<ProcessRecord> processes() {
        return reading(() -> {
            List<ProcessRecord> all = new ArrayList<>(processes.size());
            processes.values().forEach(value -> all.add(codec.decodeProcess(value)));
            return all;
        });
    }

    @Override
    public void recordProcess(ProcessRecord process) {
        writing(() -> processes.put(codec.processKey(process.project(), process.instance(), process.service(),
                process.pid()), codec.encode(process)));
    }

    @Override
    public void forgetProcess(String project, String instance, String service, long pid) {
        writing(() -> processes.remove(codec.processKey(project, instance, service, pid)));
    }

    @Override
    public void putLease(Lease lease) {
        decodedLeases = null;
        writing(() -> leases.put(codec.key(lease.owner()), codec.encode(lease)));
    }

    @Override
    public void removeLease(LeaseOwner owner) {
        decodedLeases = null;
        writing(() -> leases.remove(codec.key(owner)));
    }

    @Override
    public void remember(StickyPort port) {
        writing(() -> sticky.put(codec.key(port.owner()), codec.encode(port)));
    }

    @Override
    public List<RegistryEvent> events() {
        return reading(() -> {
            List<RegistryEvent> all = new ArrayList<>(events.size());
            events.values().forEach(value -> all.add(codec.decodeEvent(value)));
            return all;
        });
    }

    @Override
    public void record(RegistryEvent event) {
        writing(() -> {
            if (lastEvent < 0) {
                lastEvent = events.isEmpty() ? 0 : Long.parseLong(events.lastKey());
                firstEvent = events.isEmpty() ? 1 : Long.parseLong(events.firstKey());
            }
            long next = ++lastEvent;
            events.put(eventKey(next), codec.encode(event));
            // Keys are consecutive (each new one is the last plus one; only the oldest is removed), so
            // the first and last keys say how many there are. MapDB's size() walks the whole map, and
            // even its first and last keys cost a walk down the tree: the agent records hundreds of
            // events in one operation.
            while (next - firstEvent + 1 > RegistryEvent.KEPT) {
                events.remove(eventKey(firstEvent++));
            }
            return null;
        });
    }

    private static String eventKey(long number) {
        return String.format("%019d", number);
    }

    @Override
    public List<Lease> sweep(Predicate<Lease> isAlive) {
        List<Lease> dead = new ArrayList<>();
        for (Lease lease : leases()) {
            if (!isAlive.test(lease)) {
                dead.add(lease);
                removeLease(lease.owner());
            }
        }
        return dead;
    }

    private <T> T reading(Supplier<T> step) {
        return guarded("cannot read the port registry", step);
    }

    private void writing(Supplier<?> step) {
        guarded("cannot change the port registry", step);
    }

    private <T> T guarded(String doing, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw MapDbFailure.of(e).exception(doing, file, e);
        }
    }
}
