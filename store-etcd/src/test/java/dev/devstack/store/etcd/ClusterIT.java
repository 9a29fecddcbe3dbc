package dev.devstack.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.RegistryException;
import dev.devstack.store.RegistryView;
import dev.devstack.store.TeamRegistry;
import dev.devstack.store.etcd.testing.Await;
import dev.devstack.store.etcd.testing.Claims;
import dev.devstack.store.etcd.testing.EtcdCluster;
import dev.devstack.store.etcd.testing.EtcdServer;
import dev.devstack.store.etcd.testing.TeamRegistries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A three-member etcd loses a member to SIGKILL while hosts claim: the claims go on, none is lost or doubled. */
class ClusterIT {

    @Test
    void claimsGoOnWhenOneMemberIsKilled(@TempDir Path folder) throws Exception {
        int threads = 4;
        int claimsEach = 20;
        try (EtcdCluster cluster = EtcdCluster.start(folder);
             TeamRegistry registry = TeamRegistries.open(cluster.endpoints(), "cluster", "host-a")) {
            EtcdServer victim = cluster.members().get(0);
            AtomicInteger committed = new AtomicInteger();
            AtomicInteger retried = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<Integer>>> claimed = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String thread = "t" + t;
                    claimed.add(pool.submit(() -> {
                        List<Integer> ports = new ArrayList<>();
                        for (int i = 0; i < claimsEach; i++) {
                            ports.add(claimUntilCommitted(registry, LeaseOwner.manual(thread + "-" + i), retried));
                            committed.incrementAndGet();
                        }
                        return ports;
                    }));
                }
                Await.until(Duration.ofSeconds(30), "a third of the claims", () -> committed.get() >= threads * claimsEach / 3);
                victim.kill();
                assertThat(victim.alive()).isFalse();
                int atKill = committed.get();

                List<Integer> answered = new ArrayList<>();
                for (Future<List<Integer>> ports : claimed) {
                    answered.addAll(ports.get());
                }
                assertThat(atKill).as("claims were still to come when the member died").isLessThan(threads * claimsEach);
                assertThat(answered).as("every claim, %d of them tried again after the member died", retried.get())
                        .hasSize(threads * claimsEach).doesNotHaveDuplicates();
                try (TeamRegistry survivor = TeamRegistries.open(cluster.endpoints().subList(1, 3), "cluster", "host-a")) {
                    List<Lease> stored = survivor.read(RegistryView::leases);
                    assertThat(stored).extracting(Lease::port).doesNotHaveDuplicates()
                            .containsExactlyInAnyOrderElementsOf(answered);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** What a user does when a claim fails while the cluster elects a new leader: tries again. */
    private static int claimUntilCommitted(TeamRegistry registry, LeaseOwner owner, AtomicInteger retried) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Claims.claim(registry, owner, 39_000, 0);
            } catch (RegistryException e) {
                if (attempt == 3) {
                    throw e;
                }
                retried.incrementAndGet();
            }
        }
    }
}
