package dev.devstack.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RegistryView;
import dev.devstack.store.RemoteLease;
import dev.devstack.store.StickyPort;
import dev.devstack.store.TeamRegistry;
import dev.devstack.store.etcd.testing.EtcdServer;
import dev.devstack.store.etcd.testing.TeamRegistries;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two hosts share one team registry: each plans and sweeps its own leases and sees the other's as remote. */
class TwoHostsIT {

    private static final LeaseOwner API = new LeaseOwner("/src/shop", "", "api", "");
    private static final LeaseOwner WEB = new LeaseOwner("/src/shop", "", "web", "");

    @TempDir
    static Path folder;
    static EtcdServer etcd;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdServer.running(folder);
    }

    @AfterAll
    static void stopEtcd() {
        etcd.kill();
    }

    @Test
    void eachHostSeesItsOwnLeasesAndTheOthersAsRemote() {
        try (TeamRegistry alpha = TeamRegistries.open(List.of(etcd.endpoint()), "two-hosts", "alpha");
             TeamRegistry beta = TeamRegistries.open(List.of(etcd.endpoint()), "two-hosts", "beta")) {
            Instant now = Instant.parse("2026-12-01T00:00:00Z");
            alpha.update(transaction -> {
                transaction.putLease(new Lease(API, 31_000, 0, 0, "ann", now));
                transaction.remember(new StickyPort(API, 31_000, now));
                transaction.record(new RegistryEvent(now, RegistryEvent.Kind.CLAIM, 31_000, API.describe(), 0, "ann", "on alpha"));
                return null;
            });
            beta.update(transaction -> {
                // The same port on another host is another socket: no conflict.
                transaction.putLease(new Lease(API, 31_000, 0, 0, "dev", now));
                transaction.putLease(new Lease(WEB, 31_001, 0, 0, "dev", now));
                transaction.remember(new StickyPort(WEB, 31_001, now));
                return null;
            });

            assertThat(alpha.read(RegistryView::leases)).extracting(Lease::owner, Lease::port, Lease::user)
                    .containsExactly(tuple(API, 31_000, "ann"));
            assertThat(alpha.read(RegistryView::remoteLeases)).extracting(RemoteLease::host, remote -> remote.lease().port())
                    .containsExactlyInAnyOrder(tuple("beta", 31_000),
                            tuple("beta", 31_001));
            assertThat(beta.read(RegistryView::leases)).extracting(Lease::port).containsExactlyInAnyOrder(31_000, 31_001);
            assertThat(beta.read(RegistryView::remoteLeases)).extracting(RemoteLease::host).containsExactly("alpha");
            Optional<StickyPort> onAlpha = alpha.read(view -> view.sticky(WEB));
            assertThat(onAlpha).isEmpty();
            Optional<StickyPort> onBeta = beta.read(view -> view.sticky(WEB));
            assertThat(onBeta).map(StickyPort::port).contains(31_001);
            assertThat(alpha.read(RegistryView::events)).extracting(RegistryEvent::host, RegistryEvent::detail)
                    .containsExactly(tuple("", "on alpha"));
            assertThat(beta.read(RegistryView::events)).extracting(RegistryEvent::host).containsExactly("alpha");

            // beta's devstack runs as the test's user, "dev": its sweep is of its own leases on its own host
            List<Lease> swept = beta.update(transaction -> transaction.sweep(lease -> lease.owner().equals(WEB)));
            assertThat(swept).extracting(Lease::owner).containsExactly(API);
            assertThat(alpha.read(RegistryView::leases)).extracting(Lease::owner).containsExactly(API);
            assertThat(alpha.read(RegistryView::remoteLeases)).extracting(remote -> remote.lease().owner()).containsExactly(WEB);
        }
    }

    @Test
    void workThatThrowsWritesNothing() {
        try (TeamRegistry alpha = TeamRegistries.open(List.of(etcd.endpoint()), "throws", "alpha")) {
            Instant now = Instant.now();
            try {
                alpha.update(transaction -> {
                    transaction.putLease(new Lease(API, 31_100, 0, 0, "ann", now));
                    throw new IllegalStateException("the planner gave up");
                });
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("the planner gave up");
            }
            assertThat(alpha.read(RegistryView::leases)).isEmpty();
        }
    }
}
