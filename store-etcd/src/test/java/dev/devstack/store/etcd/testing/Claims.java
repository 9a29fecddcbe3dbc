package dev.devstack.store.etcd.testing;

import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.LeaseRegistry;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Claims the way the planner does: in one update, the lowest port from {@code first} that no lease of this host holds. */
public final class Claims {

    private Claims() {
    }

    public static int claim(LeaseRegistry registry, LeaseOwner owner, int first, long pid) {
        return registry.update(transaction -> {
            Set<Integer> taken = new HashSet<>();
            transaction.leases().forEach(lease -> taken.add(lease.port()));
            int port = first;
            while (taken.contains(port)) {
                port++;
            }
            transaction.putLease(new Lease(owner, port, pid, 0, "dev", Instant.now()));
            return port;
        });
    }
}
