package dev.devstack.store.etcd;

import dev.devstack.store.Lease;
import dev.devstack.store.LeaseCodec;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.PortOutsidePool;
import dev.devstack.store.PortPool;
import dev.devstack.store.ProcessRecord;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RegistryTransaction;
import dev.devstack.store.RemoteLease;
import dev.devstack.store.StickyPort;
import dev.devstack.store.TeamPools;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One update of a team registry, worked out in memory against a {@link Snapshot}: it sees its own
 * writes, and collects them as {@link Change}s by key for the one etcd transaction that commits them
 * (or for nothing, when the work throws or someone else committed first).
 */
final class EtcdTransaction implements RegistryTransaction {

    private final Snapshot snapshot;
    private final String host;
    private final long selfPid;
    private final LeaseCodec codec;
    private final EtcdKeys keys;
    private final Supplier<List<RegistryEvent>> storedEvents;
    private final SortedMap<String, Lease> leases;
    private final SortedMap<String, StickyPort> sticky;
    private final SortedMap<String, ProcessRecord> processes;
    private TeamPools pools;
    private final String user;
    private final Map<String, Change> changes = new LinkedHashMap<>();
    private final Map<LeaseOwner, Optional<Lease>> leaseChanges = new LinkedHashMap<>();
    private final List<RegistryEvent> recorded = new ArrayList<>();
    private List<RegistryEvent> stored;

    /**
     * @param user         this devstack's user: the only one whose leases it sweeps
     * @param selfPid      this process: its process-bound leases are put with its etcd lease
     * @param storedEvents the audit log at the snapshot's revision, read only if asked for
     */
    EtcdTransaction(Snapshot snapshot, String host, String user, long selfPid, LeaseCodec codec, EtcdKeys keys,
                    Supplier<List<RegistryEvent>> storedEvents) {
        this.snapshot = snapshot;
        this.host = host;
        this.user = user;
        this.selfPid = selfPid;
        this.codec = codec;
        this.keys = keys;
        this.storedEvents = storedEvents;
        this.leases = new TreeMap<>(snapshot.leases());
        this.sticky = new TreeMap<>(snapshot.sticky());
        this.processes = new TreeMap<>(snapshot.processes());
        this.pools = snapshot.pools();
    }

    @Override
    public List<Lease> leases() {
        return List.copyOf(leases.values());
    }

    @Override
    public Optional<Lease> lease(LeaseOwner owner) {
        return Optional.ofNullable(leases.get(codec.key(owner)));
    }

    @Override
    public List<StickyPort> stickyPorts() {
        return List.copyOf(sticky.values());
    }

    @Override
    public Optional<StickyPort> sticky(LeaseOwner owner) {
        return Optional.ofNullable(sticky.get(codec.key(owner)));
    }

    @Override
    public List<ProcessRecord> processes() {
        return List.copyOf(processes.values());
    }

    @Override
    public List<RemoteLease> remoteLeases() {
        return snapshot.remoteLeases();
    }

    @Override
    public Optional<PortPool> pool(String user, String project) {
        return pools.poolOf(user, project);
    }

    @Override
    public List<RegistryEvent> events() {
        if (stored == null) {
            stored = storedEvents.get();
        }
        List<RegistryEvent> all = new ArrayList<>(stored);
        all.addAll(recorded);
        return List.copyOf(all.subList(Math.max(0, all.size() - RegistryEvent.KEPT), all.size()));
    }

    /** Refuses a lease outside its pool: the project's (by its folder's name), else its user's. */
    @Override
    public void putLease(Lease lease) {
        Optional<PortPool> pool = pools.poolOf(lease.user(), projectName(lease.owner()));
        if (pool.isPresent() && !pool.get().contains(lease.port())) {
            throw new PortOutsidePool(lease, pool.get());
        }
        String key = codec.key(lease.owner());
        leases.put(key, lease);
        leaseChanges.put(lease.owner(), Optional.of(lease));
        changes.put(EtcdKeys.text(keys.lease(host, key)),
                new Change.Put(codec.encode(lease), lease.processBound() && lease.pid() == selfPid));
    }

    @Override
    public void removeLease(LeaseOwner owner) {
        String key = codec.key(owner);
        if (leases.remove(key) != null) {
            leaseChanges.put(owner, Optional.empty());
            changes.put(EtcdKeys.text(keys.lease(host, key)), new Change.Delete());
        }
    }

    @Override
    public void remember(StickyPort port) {
        String key = codec.key(port.owner());
        sticky.put(key, port);
        changes.put(EtcdKeys.text(keys.sticky(host, key)), new Change.Put(codec.encode(port), false));
    }

    @Override
    public void recordProcess(ProcessRecord process) {
        String key = codec.processKey(process.project(), process.instance(), process.service(), process.pid());
        processes.put(key, process);
        changes.put(EtcdKeys.text(keys.process(host, key)), new Change.Put(codec.encode(process), false));
    }

    @Override
    public void forgetProcess(String project, String instance, String service, long pid) {
        String key = codec.processKey(project, instance, service, pid);
        if (processes.remove(key) != null) {
            changes.put(EtcdKeys.text(keys.process(host, key)), new Change.Delete());
        }
    }

    @Override
    public void record(RegistryEvent event) {
        recorded.add(event);
    }

    /**
     * Sweeps this user's dead leases on this host. Another user's are left alone: whether their pid
     * runs may be hidden from this user ({@code hidepid}, another pid namespace on the same host
     * name), and a devstack's own leases expire with its etcd lease anyway.
     */
    @Override
    public List<Lease> sweep(Predicate<Lease> isAlive) {
        List<Lease> dead = new ArrayList<>();
        for (Lease lease : leases()) {
            if (lease.user().equals(user) && !isAlive.test(lease)) {
                dead.add(lease);
                removeLease(lease.owner());
            }
        }
        return dead;
    }

    void definePools(TeamPools replacement, String encoded) {
        pools = replacement;
        changes.put(EtcdKeys.text(keys.pools()), new Change.Put(encoded, false));
    }

    Snapshot snapshot() {
        return snapshot;
    }

    Map<String, Change> changes() {
        return changes;
    }

    /** The leases this update puts (present) or removes (empty), by owner. */
    Map<LeaseOwner, Optional<Lease>> leaseChanges() {
        return leaseChanges;
    }

    List<RegistryEvent> recorded() {
        return recorded;
    }

    boolean changesNothing() {
        return changes.isEmpty() && recorded.isEmpty();
    }

    /** "shop" for /home/dev/shop; "" for a port claimed by hand. */
    private static String projectName(LeaseOwner owner) {
        String project = owner.project();
        int end = project.length();
        while (end > 1 && project.charAt(end - 1) == '/') {
            end--;
        }
        return project.substring(project.lastIndexOf('/', end - 1) + 1, end);
    }
}
