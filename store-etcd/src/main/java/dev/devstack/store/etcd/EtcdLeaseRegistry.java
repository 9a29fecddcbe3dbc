package dev.devstack.store.etcd;

import dev.devstack.store.Lease;
import dev.devstack.store.LeaseCodec;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.PortOutsidePool;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RegistryException;
import dev.devstack.store.RegistryStatus;
import dev.devstack.store.RegistryTransaction;
import dev.devstack.store.RegistryView;
import dev.devstack.store.TeamPools;
import dev.devstack.store.TeamRegistry;
import dev.devstack.store.TeamRegistrySettings;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.PutOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A team registry in etcd ({@link EtcdKeys} says where what lives). Reads are one consistent
 * snapshot; an update works on a snapshot in memory and commits it as one etcd transaction that
 * applies only if the guard did not move meanwhile, and else runs the work again on a new snapshot,
 * so that two hosts claiming the same port can never both succeed.
 */
public final class EtcdLeaseRegistry implements TeamRegistry {

    /** How long an update keeps trying while other devstacks commit before it. */
    static final Duration BUSY = Duration.ofSeconds(10);

    private final Client client;
    private final TeamRegistrySettings settings;
    private final Clock clock;
    private final LeaseCodec codec = new LeaseCodec();
    private final EtcdKeys keys;
    private final EtcdCalls calls;
    private final ProcessLease processLease;
    private final long selfPid = ProcessHandle.current().pid();

    EtcdLeaseRegistry(Client client, TeamRegistrySettings settings, Clock clock) {
        if (settings.host().isEmpty() || settings.host().contains("/")) {
            throw new RegistryException("\"" + settings.host() + "\" cannot name a host in the team registry: it is"
                    + " empty or has a slash; set DEVSTACK_HOST to a name without one");
        }
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.keys = new EtcdKeys(settings.namespace());
        this.calls = new EtcdCalls(client, settings, keys, codec);
        this.processLease = new ProcessLease(calls, settings.ttl(), settings.describe());
        processLease.restoreWith(this::restore);
    }

    @Override
    public <T> T read(Function<RegistryView, T> work) {
        try {
            return work.apply(transaction(calls.snapshot()));
        } catch (EtcdCallFailed e) {
            throw e.exception();
        }
    }

    @Override
    public <T> T update(Function<RegistryTransaction, T> work) {
        return commit(work::apply);
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public String host() {
        return settings.host();
    }

    @Override
    public TeamPools pools() {
        return read(view -> ((EtcdTransaction) view).snapshot().pools());
    }

    @Override
    public void definePools(TeamPools pools) {
        commit(transaction -> {
            transaction.definePools(pools, calls.poolsText(pools));
            return null;
        });
    }

    @Override
    public void watch(Consumer<RegistryStatus> listener) {
        processLease.watch(listener);
    }

    @Override
    public void close() {
        processLease.close();
        client.close();
    }

    private <T> T commit(Function<EtcdTransaction, T> work) {
        long deadline = System.nanoTime() + BUSY.toNanos();
        List<Unsure<T>> unsure = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try {
                Snapshot snapshot = calls.snapshot();
                Optional<Unsure<T>> applied = unsure.stream().filter(u -> u.applied(snapshot, calls)).findFirst();
                if (applied.isPresent()) {
                    processLease.committed(applied.get().transaction().leaseChanges(), selfPid, applied.get().lease());
                    return applied.get().result();
                }
                EtcdTransaction transaction = transaction(snapshot);
                T result = work.apply(transaction);
                if (transaction.changesNothing()) {
                    return result;
                }
                Attempt outcome = tryCommit(transaction, Long.toHexString(ThreadLocalRandom.current().nextLong()));
                if (outcome.committed()) {
                    return result;
                }
                if (outcome.unanswered()) {
                    unsure.add(new Unsure<>(outcome.name(), outcome.lease(), transaction, result));
                }
            } catch (EtcdCallFailed e) {
                if (!anotherMemberMayAnswer(e, deadline)) {
                    throw e.exception();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new RegistryException("the team registry " + settings.describe() + " is busy: other devstacks"
                        + " changed it first " + attempt + " times in " + BUSY.toSeconds() + " s; try again");
            }
            // Spreads the retries of many devstacks that lost the same race.
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(Math.min(attempt, 20) * 1_000_000L));
        }
    }

    /**
     * Whether a call that failed because its member did not answer is worth making again: with
     * several members, the client's next call goes to another one, which may answer (a member that
     * was killed, or lost the leader, mid-call). Never after an interrupt, which asks this thread to stop.
     */
    private boolean anotherMemberMayAnswer(EtcdCallFailed e, long deadline) {
        return e.failure().kind() == EtcdFailure.Kind.UNREACHABLE && settings.endpoints().size() > 1
                && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted();
    }

    /**
     * What one commit did: applied, refused (someone committed since its snapshot), or unanswered
     * (its member went away: it may yet be applied). {@code name} is what it wrote into the guard,
     * {@code lease} the etcd lease it bound this process's leases to.
     */
    private record Attempt(boolean committed, boolean unanswered, String name, long lease) {
    }

    /**
     * An update whose commit got no answer: it may have been applied, even after later attempts. It
     * was if the guard still names it, or if every key it changed holds what it wrote (someone
     * committed after it).
     */
    private record Unsure<T>(String name, long lease, EtcdTransaction transaction, T result) {

        boolean applied(Snapshot snapshot, EtcdCalls calls) {
            return snapshot.guard().commit().equals(name)
                    || (!transaction.changes().isEmpty() && calls.inEffect(transaction.changes()));
        }
    }

    /** Commits the transaction's changes, unless someone committed since its snapshot. */
    private Attempt tryCommit(EtcdTransaction transaction, String name) {
        Snapshot snapshot = transaction.snapshot();
        boolean bound = transaction.changes().values().stream()
                .anyMatch(change -> change instanceof Change.Put put && put.boundToProcess());
        long lease = bound ? processLease.id() : 0;
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<String, Change> change : transaction.changes().entrySet()) {
            ByteSequence key = EtcdKeys.bytes(change.getKey());
            if (change.getValue() instanceof Change.Put put) {
                PutOption option = put.boundToProcess() ? PutOption.builder().withLeaseId(lease).build() : PutOption.DEFAULT;
                ops.add(Op.put(key, EtcdKeys.bytes(put.value()), option));
            } else {
                ops.add(Op.delete(key, DeleteOption.DEFAULT));
            }
        }
        Guard guard = history(transaction, ops).by(name);
        ops.add(Op.put(keys.guard(), EtcdKeys.bytes(guard.encode()), PutOption.DEFAULT));
        try {
            if (!calls.commit(snapshot.guardRevision(), ops)) {
                return new Attempt(false, false, name, lease);
            }
        } catch (EtcdCallFailed e) {
            if (e.failure().kind() == EtcdFailure.Kind.LEASE_GONE && lease != 0) {
                processLease.expired(lease);
                return new Attempt(false, false, name, lease);
            }
            if (e.failure().kind() == EtcdFailure.Kind.UNREACHABLE && !Thread.currentThread().isInterrupted()) {
                return new Attempt(false, true, name, lease);
            }
            throw e;
        }
        processLease.committed(transaction.leaseChanges(), selfPid, lease);
        return new Attempt(true, false, name, lease);
    }

    /**
     * Adds the update's events to {@code ops} as one batch, and drops the oldest beyond
     * {@link RegistryEvent#KEPT} (whole batches, and the oldest events of the last one it reaches);
     * returns the guard that says how many are left.
     */
    private Guard history(EtcdTransaction transaction, List<Op> ops) {
        Snapshot snapshot = transaction.snapshot();
        Guard before = snapshot.guard();
        List<RegistryEvent> recorded = transaction.recorded().stream()
                .map(event -> event.remote() ? event : event.on(settings.host())).toList();
        if (recorded.isEmpty()) {
            return new Guard(before.sequence(), before.events());
        }
        recorded = recorded.subList(Math.max(0, recorded.size() - RegistryEvent.KEPT), recorded.size());
        long sequence = before.sequence() + 1;
        ops.add(Op.put(keys.event(sequence), EtcdKeys.bytes(calls.encode(recorded)), PutOption.DEFAULT));
        long excess = before.events() + recorded.size() - RegistryEvent.KEPT;
        long kept = Math.min(before.events() + recorded.size(), RegistryEvent.KEPT);
        ByteSequence from = keys.events();
        while (excess > 0) {
            Optional<EtcdCalls.EventBatch> oldest = calls.nextEvents(snapshot.revision(), from);
            if (oldest.isEmpty()) {
                break;
            }
            EtcdCalls.EventBatch batch = oldest.get();
            int size = batch.events().size();
            if (excess >= size) {
                ops.add(Op.delete(batch.key(), DeleteOption.DEFAULT));
            } else {
                List<RegistryEvent> rest = batch.events().subList((int) excess, size);
                ops.add(Op.put(batch.key(), EtcdKeys.bytes(calls.encode(rest)), PutOption.DEFAULT));
            }
            excess -= size;
            from = EtcdKeys.bytes(EtcdKeys.text(batch.key()) + "\0");
        }
        return new Guard(sequence, kept);
    }

    private EtcdTransaction transaction(Snapshot snapshot) {
        return new EtcdTransaction(snapshot, settings.host(), settings.user(), selfPid, codec, keys,
                () -> calls.events(snapshot.revision()));
    }

    /** Puts back the leases this process held before its etcd lease expired, leaving out the ports others took. */
    private Restoration restore(List<Lease> held) {
        return commit(transaction -> {
            int restored = 0;
            List<LeaseOwner> leftOut = new ArrayList<>();
            List<String> conflicts = new ArrayList<>();
            for (Lease lease : held) {
                Optional<String> conflict = conflict(transaction, lease);
                if (conflict.isEmpty()) {
                    try {
                        transaction.putLease(lease);
                        restored++;
                        continue;
                    } catch (PortOutsidePool e) {
                        conflict = Optional.of(e.getMessage());
                    }
                }
                leftOut.add(lease.owner());
                conflicts.add(conflict.get());
                transaction.record(new RegistryEvent(clock.instant(), RegistryEvent.Kind.CONFLICT, lease.port(),
                        lease.owner().describe(), lease.pid(), lease.user(), conflict.get()));
            }
            return new Restoration(restored, leftOut, conflicts);
        });
    }

    private static Optional<String> conflict(EtcdTransaction transaction, Lease lease) {
        return transaction.leases().stream()
                .filter(other -> other.port() == lease.port() && !other.owner().equals(lease.owner()))
                .findFirst()
                .map(other -> "port " + lease.port() + " of " + lease.owner().describe() + " was taken by "
                        + other.owner().describe() + (other.pid() > 0 ? " (pid " + other.pid() + ")" : "")
                        + " while the team registry could not be reached; it was not restored");
    }
}
