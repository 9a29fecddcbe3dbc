package dev.devstack.store.etcd;

import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.TeamRegistry;
import dev.devstack.store.etcd.testing.TeamRegistries;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A devstack in a child JVM: takes {@code COUNT} leases for itself and one claim by hand (pid 0) in
 * the team registry at ENDPOINT, says so on stdout, and holds them until its stdin closes.
 * Arguments: ENDPOINT NAMESPACE HOST COUNT.
 */
public final class LeaseHolderWorker {

    static final int FIRST_PORT = 37_000;
    static final String MANUAL = "by-hand";

    private LeaseHolderWorker() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[3]);
        long pid = ProcessHandle.current().pid();
        try (TeamRegistry registry = TeamRegistries.open(List.of(URI.create(args[0])), args[1], args[2])) {
            registry.update(transaction -> {
                for (int i = 0; i < count; i++) {
                    transaction.putLease(new Lease(new LeaseOwner("/src/shop", "", "svc" + i, ""), FIRST_PORT + i, pid, 0,
                            "dev", Instant.now()));
                }
                transaction.putLease(new Lease(LeaseOwner.manual(MANUAL), FIRST_PORT + count, 0, 0, "dev", Instant.now()));
                return null;
            });
            System.out.println("holding " + count);
            System.out.flush();
            while (System.in.read() >= 0) {
                // Holds until the test closes stdin, or kills this JVM.
            }
        }
    }
}
