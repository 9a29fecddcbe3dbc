package dev.devstack.store.etcd;

import dev.devstack.store.DamagedEntry;
import dev.devstack.store.Lease;
import dev.devstack.store.LeaseCodec;
import dev.devstack.store.ProcessRecord;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RegistryException;
import dev.devstack.store.RemoteLease;
import dev.devstack.store.StickyPort;
import dev.devstack.store.TeamPools;
import dev.devstack.store.TeamRegistrySettings;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The registry's calls to etcd, each with a deadline, and each failure turned into a
 * {@link dev.devstack.store.RegistryException} in words ({@link EtcdFailure}).
 */
final class EtcdCalls {

    /** How long one call may take before the registry counts as unreachable. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Client client;
    private final TeamRegistrySettings settings;
    private final EtcdKeys keys;
    private final LeaseCodec codec;
    private final PoolsCodec poolsCodec = new PoolsCodec();
    private final EventBatches batches;

    EtcdCalls(Client client, TeamRegistrySettings settings, EtcdKeys keys, LeaseCodec codec) {
        this.client = client;
        this.settings = settings;
        this.keys = keys;
        this.codec = codec;
        this.batches = new EventBatches(codec);
    }

    /** Everything this host works with, read in one etcd transaction, so at one revision. */
    Snapshot snapshot() {
        String host = settings.host();
        TxnResponse read = await(client.getKVClient().txn().Then(
                Op.get(keys.guard(), GetOption.DEFAULT),
                Op.get(keys.leases(), prefix()),
                Op.get(keys.stickyPorts(host), prefix()),
                Op.get(keys.processes(host), prefix()),
                Op.get(keys.pools(), GetOption.DEFAULT)).commit(),
                "cannot read the team registry");
        try {
            return snapshot(host, read.getHeader().getRevision(), read.getGetResponses());
        } catch (DamagedEntry e) {
            throw new RegistryException("the team registry " + settings.describe() + " holds an entry devstack cannot"
                    + " read: " + e.getMessage() + "; remove it with etcdctl, or ask whoever runs the registry", e);
        }
    }

    private Snapshot snapshot(String host, long revision, List<GetResponse> parts) {
        List<KeyValue> guard = parts.get(0).getKvs();
        SortedMap<String, Lease> leases = new TreeMap<>();
        List<RemoteLease> remote = new ArrayList<>();
        for (KeyValue entry : parts.get(1).getKvs()) {
            keys.leaseKey(entry.getKey()).ifPresent(key -> {
                Lease lease = codec.decodeLease(key.ownerKey(), EtcdKeys.text(entry.getValue()));
                if (key.host().equals(host)) {
                    leases.put(key.ownerKey(), lease);
                } else {
                    remote.add(new RemoteLease(key.host(), lease));
                }
            });
        }
        SortedMap<String, StickyPort> sticky = new TreeMap<>();
        for (KeyValue entry : parts.get(2).getKvs()) {
            String ownerKey = EtcdKeys.after(keys.stickyPorts(host), entry.getKey());
            sticky.put(ownerKey, codec.decodeSticky(ownerKey, EtcdKeys.text(entry.getValue())));
        }
        SortedMap<String, ProcessRecord> processes = new TreeMap<>();
        for (KeyValue entry : parts.get(3).getKvs()) {
            processes.put(EtcdKeys.after(keys.processes(host), entry.getKey()),
                    codec.decodeProcess(EtcdKeys.text(entry.getValue())));
        }
        List<KeyValue> pools = parts.get(4).getKvs();
        return new Snapshot(revision,
                guard.isEmpty() ? 0 : guard.get(0).getModRevision(),
                guard.isEmpty() ? Guard.NONE : Guard.decode(EtcdKeys.text(guard.get(0).getValue()), EtcdKeys.text(keys.guard())),
                leases, remote, sticky, processes,
                pools.isEmpty() ? TeamPools.NONE : poolsCodec.decode(EtcdKeys.text(pools.get(0).getValue()),
                        EtcdKeys.text(keys.pools())));
    }

    /** The audit log at {@code revision}, oldest first; this host's events have host "". */
    List<RegistryEvent> events(long revision) {
        GetResponse read = await(client.getKVClient().get(keys.events(),
                GetOption.builder().isPrefix(true).withRevision(revision).build()), "cannot read the team registry's history");
        List<RegistryEvent> events = new ArrayList<>();
        for (KeyValue entry : read.getKvs()) {
            for (RegistryEvent event : batches.decode(EtcdKeys.text(entry.getValue()), EtcdKeys.text(entry.getKey()))) {
                events.add(event.host().equals(settings.host()) ? event.on("") : event);
            }
        }
        return events;
    }

    /** The oldest batch of events at {@code revision} whose key is {@code from} or after it. */
    Optional<EventBatch> nextEvents(long revision, ByteSequence from) {
        GetResponse read = await(client.getKVClient().get(from, GetOption.builder().withRange(keys.eventsEnd())
                .withRevision(revision).withLimit(1)
                .withSortField(GetOption.SortTarget.KEY).withSortOrder(GetOption.SortOrder.ASCEND).build()),
                "cannot read the team registry's history");
        return read.getKvs().stream().findFirst().map(entry -> new EventBatch(entry.getKey(),
                batches.decode(EtcdKeys.text(entry.getValue()), EtcdKeys.text(entry.getKey()))));
    }

    String encode(List<RegistryEvent> events) {
        return batches.encode(events);
    }

    /** One {@code event/} key and the events it holds, as stored (with their hosts). */
    record EventBatch(ByteSequence key, List<RegistryEvent> events) {
    }

    /** Applies {@code changes} if the guard is still at {@code guardRevision}; false if someone else committed first. */
    boolean commit(long guardRevision, List<Op> changes) {
        TxnResponse done = await(client.getKVClient().txn()
                .If(new Cmp(keys.guard(), Cmp.Op.EQUAL, CmpTarget.modRevision(guardRevision)))
                .Then(changes.toArray(Op[]::new)).commit(), "cannot change the team registry");
        return done.isSucceeded();
    }

    /** Whether every key of {@code changes} holds what it puts (or is gone, for a delete), as of now. */
    boolean inEffect(Map<String, Change> changes) {
        List<Map.Entry<String, Change>> entries = List.copyOf(changes.entrySet());
        TxnResponse read = await(client.getKVClient().txn().Then(entries.stream()
                .map(entry -> Op.get(EtcdKeys.bytes(entry.getKey()), GetOption.DEFAULT)).toArray(Op[]::new)).commit(),
                "cannot read the team registry");
        for (int i = 0; i < entries.size(); i++) {
            List<KeyValue> found = read.getGetResponses().get(i).getKvs();
            boolean holds = entries.get(i).getValue() instanceof Change.Put put
                    ? found.size() == 1 && EtcdKeys.text(found.get(0).getValue()).equals(put.value())
                    : found.isEmpty();
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** A new etcd lease of {@code ttl}, for this process's leases. */
    long grant(Duration ttl) {
        return await(client.getLeaseClient().grant(Math.max(1, (ttl.toMillis() + 999) / 1000)), "cannot take an etcd lease").getID();
    }

    /** Keeps {@code lease} alive for another TTL; false if etcd no longer knows it. */
    boolean keepAlive(long lease, Duration timeout) {
        return await(client.getLeaseClient().keepAliveOnce(lease), "cannot keep the etcd lease alive", timeout).getTTL() > 0;
    }

    void revoke(long lease, Duration timeout) {
        await(client.getLeaseClient().revoke(lease), "cannot end the etcd lease", timeout);
    }

    String poolsText(TeamPools pools) {
        return poolsCodec.encode(pools);
    }

    <T> T await(CompletableFuture<T> call, String doing) {
        return await(call, doing, CALL_TIMEOUT);
    }

    private <T> T await(CompletableFuture<T> call, String doing, Duration timeout) {
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new EtcdCallFailed(new EtcdFailure(EtcdFailure.Kind.UNREACHABLE, "interrupted while waiting"),
                    doing, settings, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            call.cancel(true);
            throw new EtcdCallFailed(EtcdFailure.of(e, timeout), doing, settings, e);
        }
    }

    private static GetOption prefix() {
        return GetOption.builder().isPrefix(true).build();
    }
}
