package dev.devstack.store.etcd;

import dev.devstack.store.LeaseRegistry;
import dev.devstack.store.LeaseRegistryContract;
import dev.devstack.store.etcd.testing.EtcdServer;
import dev.devstack.store.etcd.testing.TeamRegistries;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract on etcd: one member for the whole class, and a namespace of its own for each test. */
class EtcdLeaseRegistryContractIT extends LeaseRegistryContract {

    private static final AtomicInteger TESTS = new AtomicInteger();

    @TempDir
    static Path folder;
    static EtcdServer etcd;

    private final String namespace = "contract-" + TESTS.incrementAndGet();

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdServer.running(folder);
    }

    @AfterAll
    static void stopEtcd() {
        etcd.kill();
    }

    @Override
    protected LeaseRegistry newRegistry() {
        return TeamRegistries.open(List.of(etcd.endpoint()), namespace, "contract-host");
    }
}
