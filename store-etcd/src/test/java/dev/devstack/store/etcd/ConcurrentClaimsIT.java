package dev.devstack.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.RegistryView;
import dev.devstack.store.TeamRegistry;
import dev.devstack.store.etcd.testing.Claims;
import dev.devstack.store.etcd.testing.EtcdServer;
import dev.devstack.store.etcd.testing.TeamRegistries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads on several connections claim at once: every claim is kept, and no port is given twice. */
class ConcurrentClaimsIT {

    @Test
    void racingClaimsLoseNothingAndNeverShareAPort(@TempDir Path folder) throws Exception {
        int connections = 3;
        int threadsEach = 3;
        int claimsEach = 15;
        try (EtcdServer etcd = EtcdServer.running(folder)) {
            List<TeamRegistry> registries = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(connections * threadsEach);
            try {
                for (int c = 0; c < connections; c++) {
                    registries.add(TeamRegistries.open(List.of(etcd.endpoint()), "race", "shared-host"));
                }
                List<Future<List<Integer>>> claimed = new ArrayList<>();
                for (int t = 0; t < connections * threadsEach; t++) {
                    TeamRegistry registry = registries.get(t % connections);
                    String thread = "t" + t;
                    claimed.add(threads.submit(() -> {
                        List<Integer> ports = new ArrayList<>();
                        for (int i = 0; i < claimsEach; i++) {
                            ports.add(Claims.claim(registry, LeaseOwner.manual(thread + "-" + i), 33_000, 0));
                        }
                        return ports;
                    }));
                }
                List<Integer> answered = new ArrayList<>();
                for (Future<List<Integer>> ports : claimed) {
                    answered.addAll(ports.get());
                }

                int total = connections * threadsEach * claimsEach;
                assertThat(answered).hasSize(total).doesNotHaveDuplicates();
                List<Lease> stored = registries.get(0).read(RegistryView::leases);
                assertThat(stored).hasSize(total);
                assertThat(stored).extracting(Lease::port).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(answered);
            } finally {
                threads.shutdownNow();
                registries.forEach(TeamRegistry::close);
            }
        }
    }
}
