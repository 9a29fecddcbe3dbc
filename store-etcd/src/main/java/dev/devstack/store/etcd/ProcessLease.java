package dev.devstack.store.etcd;

import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.RegistryException;
import dev.devstack.store.RegistryStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * This process's etcd lease: the leases it holds for itself are put with it, so that they vanish a
 * TTL after this process stops answering, even when it was killed with SIGKILL, and nobody has to
 * run gc. Granted at the first such lease and kept alive by a daemon thread every third of the TTL.
 *
 * <p>When etcd cannot be reached the listeners hear {@link RegistryStatus.Lost} once; the thread
 * then tries every second. When etcd answers again and the lease expired meanwhile, a new one is
 * granted and the leases this process held are put back (those whose port someone else took are
 * left out and reported), and the listeners hear {@link RegistryStatus.Restored}.
 */
final class ProcessLease implements AutoCloseable {

    private static final Duration RETRY = Duration.ofSeconds(1);

    private final EtcdCalls calls;
    private final Duration ttl;
    private final String registry;
    private final ScheduledThreadPoolExecutor timer;
    private final List<Consumer<RegistryStatus>> listeners = new CopyOnWriteArrayList<>();
    /** The leases put with the etcd lease, as last committed: what a restore puts back. */
    private final Map<LeaseOwner, Lease> held = new ConcurrentHashMap<>();
    private Function<List<Lease>, Restoration> restore;
    /** The etcd lease's id; 0 before the first is granted, or after it expired. Guarded by this. */
    private long id;
    private boolean lost;
    /** A new etcd lease was granted, and the held leases are not all put back with it yet. */
    private boolean restorePending;
    /** When etcd last answered a keep-alive (System.nanoTime()); a lease is at risk only half a TTL later. */
    private long answered = System.nanoTime();
    private boolean ticking;
    private boolean closed;

    ProcessLease(EtcdCalls calls, Duration ttl, String registry) {
        this.calls = calls;
        this.ttl = ttl;
        this.registry = registry;
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "devstack-etcd-keep-alive");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** How to put leases back after the etcd lease expired: an update of the registry. */
    void restoreWith(Function<List<Lease>, Restoration> restore) {
        this.restore = restore;
    }

    void watch(Consumer<RegistryStatus> listener) {
        listeners.add(listener);
    }

    /** The etcd lease to put this process's leases with, granted at the first call. */
    synchronized long id() {
        if (closed) {
            throw new RegistryException("the team registry " + registry + " is closed");
        }
        if (id == 0) {
            id = calls.grant(ttl);
            if (!ticking) {
                ticking = true;
                schedule(period());
            }
        }
        return id;
    }

    /**
     * Remembers what a committed update did to the leases put with the etcd lease {@code used}. If
     * that lease is no longer this process's (it expired, and a restore took a new one while the
     * update was on its way), the leases are put back with the new one at the next beat.
     */
    synchronized void committed(Map<LeaseOwner, Optional<Lease>> changes, long selfPid, long used) {
        changes.forEach((owner, lease) -> {
            if (lease.isPresent() && lease.get().processBound() && lease.get().pid() == selfPid) {
                held.put(owner, lease.get());
            } else {
                held.remove(owner);
            }
        });
        if (used != 0 && used != id && id != 0 && !held.isEmpty()) {
            restorePending = true;
        }
    }

    /** etcd said the lease {@code which} is gone while committing: take a new one and put the others back. */
    synchronized void expired(long which) {
        if (id == which) {
            lose("this devstack's etcd lease expired");
            reestablish();
        }
    }

    /** One beat of the keep-alive thread; the next is scheduled whatever happens in this one (a listener that throws, say). */
    private void tick() {
        boolean answered = false;
        try {
            answered = beat();
        } finally {
            schedule(answered ? period() : RETRY);
        }
    }

    /** Keeps the lease alive, or notices it is lost or expired; true if etcd answered. */
    private synchronized boolean beat() {
        if (closed) {
            return true;
        }
        try {
            boolean alive = id != 0 && calls.keepAlive(id, period());
            answered = System.nanoTime();
            if (!alive && (id != 0 || lost)) {
                lose("this devstack's etcd lease expired");
                reestablish();
            } else if (restorePending) {
                putBack();
            } else if (lost) {
                lost = false;
                tell(new RegistryStatus.Restored(registry, 0, List.of()));
            }
            return true;
        } catch (EtcdCallFailed e) {
            if (e.failure().kind() == EtcdFailure.Kind.LEASE_GONE) {
                lose(e.failure().reason());
                return tryReestablish();
            }
            loseIfAtRisk(e.failure().reason());
            return false;
        } catch (RegistryException e) {
            loseIfAtRisk(e.getMessage());
            return false;
        }
    }

    private boolean tryReestablish() {
        try {
            reestablish();
            return true;
        } catch (EtcdCallFailed | RegistryException e) {
            return false;
        }
    }

    /** Grants a new etcd lease and puts the held leases back with it; the caller holds this. */
    private void reestablish() {
        id = 0;
        if (held.isEmpty()) {
            lost = false;
            tell(new RegistryStatus.Restored(registry, 0, List.of()));
            return;
        }
        id = calls.grant(ttl);
        restorePending = true;
        putBack();
    }

    /**
     * Puts the held leases back with the current etcd lease; if that fails (etcd went away again,
     * or stayed too busy), the next beat tries again, and nothing is said until it succeeds.
     */
    private void putBack() {
        Restoration done = restore.apply(List.copyOf(held.values()));
        done.leftOut().forEach(held::remove);
        restorePending = false;
        lost = false;
        tell(new RegistryStatus.Restored(registry, done.restored(), done.conflicts()));
    }

    /**
     * One keep-alive that got no answer in a third of the TTL is not yet a loss (a busy machine, a
     * member that changed leader): the lease is at risk, and the user told, once half the TTL has
     * passed since etcd last answered. Until then the beats go on every second.
     */
    private void loseIfAtRisk(String reason) {
        if (System.nanoTime() - answered >= ttl.dividedBy(2).toNanos()) {
            lose(reason);
        }
    }

    private void lose(String reason) {
        if (!lost) {
            lost = true;
            tell(new RegistryStatus.Lost(registry, reason));
        }
    }

    private void tell(RegistryStatus status) {
        listeners.forEach(listener -> listener.accept(status));
    }

    private void schedule(Duration delay) {
        if (!timer.isShutdown()) {
            timer.schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Duration period() {
        return ttl.dividedBy(3);
    }

    /** Stops keeping the lease alive and revokes it, so that this process's leases go at once. */
    @Override
    public void close() {
        timer.shutdownNow();
        long revoke;
        synchronized (this) {
            closed = true;
            revoke = id;
            id = 0;
        }
        if (revoke != 0) {
            try {
                calls.revoke(revoke, Duration.ofSeconds(2));
            } catch (EtcdCallFailed e) {
                // Unreachable: the leases expire with the TTL instead.
            }
        }
    }
}
