package dev.devstack.store.etcd;

import dev.devstack.store.LeaseRegistry;
import dev.devstack.store.LeaseRegistryContract;
import dev.devstack.store.etcd.testing.EtcdCluster;
import dev.devstack.store.etcd.testing.TeamRegistries;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on a three-member etcd, whose client spreads its calls over the members: a commit
 * on one member and a read on another still agree.
 */
class EtcdClusterContractIT extends LeaseRegistryContract {

    private static final AtomicInteger TESTS = new AtomicInteger();

    @TempDir
    static Path folder;
    static EtcdCluster cluster;

    private final String namespace = "cluster-contract-" + TESTS.incrementAndGet();

    @BeforeAll
    static void startCluster() {
        cluster = EtcdCluster.start(folder);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Override
    protected LeaseRegistry newRegistry() {
        return TeamRegistries.open(cluster.endpoints(), namespace, "contract-host");
    }
}
