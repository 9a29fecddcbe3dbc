package dev.devstack.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.PortOutsidePool;
import dev.devstack.store.PortPool;
import dev.devstack.store.RegistryView;
import dev.devstack.store.TeamPools;
import dev.devstack.store.TeamRegistry;
import dev.devstack.store.etcd.testing.EtcdServer;
import dev.devstack.store.etcd.testing.TeamRegistries;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team's pools, defined once for every host, refuse a claim outside them with the pool and the way out. */
class PoolsIT {

    private static final LeaseOwner SHOP_API = new LeaseOwner("/src/shop", "", "api", "");
    private static final LeaseOwner BLOG_API = new LeaseOwner("/src/blog/", "", "api", "");

    @Test
    void claimsOutsideTheirPoolAreRefusedWithTheReason(@TempDir Path folder) {
        try (EtcdServer etcd = EtcdServer.running(folder);
             TeamRegistry lead = TeamRegistries.open(List.of(etcd.endpoint()), "pools", "lead-host");
             TeamRegistry dev = TeamRegistries.open(List.of(etcd.endpoint()), "pools", "dev-host")) {
            TeamPools pools = new TeamPools(Map.of("dev", TeamPools.userPool("dev", 34_000, 34_009)),
                    Map.of("shop", TeamPools.projectPool("shop", 34_100, 34_100)));
            lead.definePools(pools);

            assertThat(dev.pools()).isEqualTo(pools);
            Optional<PortPool> shop = dev.read(view -> view.pool("dev", "shop"));
            assertThat(shop).contains(TeamPools.projectPool("shop", 34_100, 34_100));
            Instant now = Instant.now();
            assertThatThrownBy(() -> dev.update(transaction -> {
                transaction.putLease(new Lease(SHOP_API, 34_000, 0, 0, "dev", now));
                return null;
            })).isInstanceOf(PortOutsidePool.class)
                    .hasMessage("port 34000 for api of /src/shop is outside the pool of project shop (34100-34100); use a"
                            + " port in it, or ask whoever runs the team registry to change the pools");
            assertThatThrownBy(() -> dev.update(transaction -> {
                transaction.putLease(new Lease(LeaseOwner.manual("ci-db"), 35_000, 0, 0, "dev", now));
                return null;
            })).isInstanceOf(PortOutsidePool.class).hasMessageContaining("outside the pool of user dev (34000-34009)");
            assertThat(dev.read(RegistryView::leases)).isEmpty();

            dev.update(transaction -> {
                transaction.putLease(new Lease(SHOP_API, 34_100, 0, 0, "dev", now));
                transaction.putLease(new Lease(BLOG_API, 34_009, 0, 0, "dev", now));
                transaction.putLease(new Lease(LeaseOwner.manual("elsewhere"), 36_000, 0, 0, "eve", now));
                return null;
            });
            assertThat(dev.read(RegistryView::leases)).extracting(Lease::port).containsExactlyInAnyOrder(34_100, 34_009, 36_000);

            lead.definePools(TeamPools.NONE);
            assertThat(dev.pools()).isEqualTo(TeamPools.NONE);
        }
    }
}
