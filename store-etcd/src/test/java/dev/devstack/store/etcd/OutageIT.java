package dev.devstack.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RegistryException;
import dev.devstack.store.RegistryStatus;
import dev.devstack.store.RegistryView;
import dev.devstack.store.TeamRegistry;
import dev.devstack.store.etcd.testing.Await;
import dev.devstack.store.etcd.testing.CuttableProxy;
import dev.devstack.store.etcd.testing.EtcdServer;
import dev.devstack.store.etcd.testing.TeamRegistries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running stack loses etcd and finds it again: it is told, and its leases come back unless someone took their port. */
class OutageIT {

    private static final String HOST = "outage-host";
    private static final LeaseOwner API = new LeaseOwner("/src/shop", "", "api", "");
    private static final LeaseOwner WEB = new LeaseOwner("/src/shop", "", "web", "");
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void etcdStoppedAndStartedAgainGivesLostThenRestoredWithTheLeasesBack(@TempDir Path folder) {
        try (EtcdServer etcd = EtcdServer.running(folder);
             TeamRegistry registry = TeamRegistries.open(List.of(etcd.endpoint()), "restart", HOST)) {
            List<RegistryStatus> heard = new CopyOnWriteArrayList<>();
            registry.watch(heard::add);
            hold(registry);

            etcd.stop();
            Await.until(Duration.ofSeconds(10), "Lost", () -> !heard.isEmpty());
            assertThat(heard.get(0)).isInstanceOf(RegistryStatus.Lost.class);
            assertThatThrownBy(() -> hold(registry)).isInstanceOf(RegistryException.class)
                    .hasMessageStartingWith("cannot reach the team registry etcd://127.0.0.1:" + etcd.clientPort()
                            + " (namespace restart) from the test's settings: ")
                    .hasMessageEndingWith("; start etcd there, or run with --registry local");

            etcd.start();
            Await.until(Duration.ofSeconds(30), "Restored after " + heard, () -> heard.size() >= 2);
            assertThat(heard).hasSize(2);
            assertThat(heard.get(1)).isInstanceOfSatisfying(RegistryStatus.Restored.class,
                    restored -> assertThat(restored.conflicts()).isEmpty());
            assertThat(registry.read(RegistryView::leases)).extracting(Lease::owner).containsExactlyInAnyOrder(API, WEB);
            Await.holds(TeamRegistries.TTL.plusSeconds(1), "the leases stay, kept alive again",
                    () -> registry.read(RegistryView::leases).size() == 2);
        }
    }

    @Test
    void aPortTakenWhileCutOffIsReportedAndNotRestored(@TempDir Path folder) {
        try (EtcdServer etcd = EtcdServer.running(folder);
             CuttableProxy proxy = new CuttableProxy(etcd.endpoint());
             TeamRegistry cutOff = TeamRegistries.open(List.of(proxy.endpoint()), "cut", HOST);
             TeamRegistry neighbour = TeamRegistries.open(List.of(etcd.endpoint()), "cut", HOST)) {
            List<RegistryStatus> heard = new CopyOnWriteArrayList<>();
            cutOff.watch(heard::add);
            hold(cutOff);

            proxy.cut();
            Await.until(Duration.ofSeconds(10), "Lost", () -> !heard.isEmpty());
            assertThat(heard.get(0)).isInstanceOf(RegistryStatus.Lost.class);
            Await.until(TeamRegistries.TTL.plusSeconds(10), "the cut-off devstack's leases to expire",
                    () -> neighbour.read(RegistryView::leases).isEmpty());
            LeaseOwner other = new LeaseOwner("/src/blog", "", "api", "");
            neighbour.update(transaction -> {
                transaction.putLease(new Lease(other, 38_001, 0, 0, "eve", Instant.now()));
                return null;
            });

            proxy.mend();
            Await.until(Duration.ofSeconds(30), "Restored after " + heard, () -> heard.size() >= 2);
            assertThat(heard.get(1)).isInstanceOfSatisfying(RegistryStatus.Restored.class, restored -> {
                assertThat(restored.restored()).isEqualTo(1);
                assertThat(restored.conflicts()).containsExactly("port 38001 of web of /src/shop was taken by api of"
                        + " /src/blog while the team registry could not be reached; it was not restored");
            });
            assertThat(cutOff.read(RegistryView::leases)).extracting(Lease::owner, Lease::port)
                    .containsExactlyInAnyOrder(tuple(API, 38_000),
                            tuple(other, 38_001));
            assertThat(neighbour.read(RegistryView::events)).extracting(RegistryEvent::kind, RegistryEvent::port)
                    .containsExactly(tuple(RegistryEvent.Kind.CONFLICT, 38_001));
            Await.holds(TeamRegistries.TTL.plusSeconds(1), "the restored lease stays, kept alive with the new etcd lease",
                    () -> neighbour.read(RegistryView::leases).size() == 2);
        }
    }

    private static void hold(TeamRegistry registry) {
        registry.update(transaction -> {
            transaction.putLease(new Lease(API, 38_000, SELF, 0, "dev", Instant.now()));
            transaction.putLease(new Lease(WEB, 38_001, SELF, 0, "dev", Instant.now()));
            return null;
        });
    }
}
