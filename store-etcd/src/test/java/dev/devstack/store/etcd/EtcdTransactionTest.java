package dev.devstack.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.store.Lease;
import dev.devstack.store.LeaseCodec;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.PortOutsidePool;
import dev.devstack.store.TeamPools;
import io.etcd.jetcd.ByteSequence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** An update worked out in memory: what it sees, what it refuses, and the changes it hands to the commit. */
class EtcdTransactionTest {

    private static final long SELF = 4242;
    private static final LeaseCodec CODEC = new LeaseCodec();
    private static final EtcdKeys KEYS = new EtcdKeys("web");
    private static final LeaseOwner SHOP_API = new LeaseOwner("/src/shop/", "", "api", "");

    @Test
    void aLeaseOfThisProcessIsBoundToItsEtcdLeaseAndOthersAreNot() {
        EtcdTransaction transaction = transaction(TeamPools.NONE);
        transaction.putLease(lease(SHOP_API, 4000, SELF));
        transaction.putLease(lease(LeaseOwner.manual("db"), 5432, 0));
        transaction.putLease(lease(new LeaseOwner("/src/shop", "", "web", ""), 4001, 777));

        assertThat(transaction.changes().values()).extracting(change -> ((Change.Put) change).boundToProcess())
                .containsExactly(true, false, false);
        assertThat(transaction.changes().keySet()).first().isEqualTo("/devstack/web/lease/laptop/" + CODEC.key(SHOP_API));
        assertThat(transaction.lease(SHOP_API)).map(Lease::port).contains(4000);
        assertThat(transaction.leases()).hasSize(3);
        assertThat(transaction.leaseChanges()).containsEntry(SHOP_API, Optional.of(lease(SHOP_API, 4000, SELF)));
    }

    @Test
    void removingALeaseNobodyHoldsChangesNothing() {
        EtcdTransaction transaction = transaction(TeamPools.NONE);
        transaction.removeLease(SHOP_API);
        transaction.forgetProcess("/src/shop", "", "api", 77);

        assertThat(transaction.changesNothing()).isTrue();
    }

    @Test
    void theProjectPoolIsChosenByTheFolderNameAndTheUserPoolForClaimsByHand() {
        TeamPools pools = new TeamPools(Map.of("dev", TeamPools.userPool("dev", 30_000, 30_009)),
                Map.of("shop", TeamPools.projectPool("shop", 31_000, 31_009)));
        EtcdTransaction transaction = transaction(pools);

        transaction.putLease(lease(SHOP_API, 31_000, SELF));
        transaction.putLease(lease(LeaseOwner.manual("db"), 30_000, 0));
        assertThatThrownBy(() -> transaction.putLease(lease(SHOP_API, 30_000, SELF)))
                .isInstanceOf(PortOutsidePool.class).hasMessageContaining("outside the pool of project shop (31000-31009)");
        assertThatThrownBy(() -> transaction.putLease(lease(LeaseOwner.manual("db"), 31_000, 0)))
                .isInstanceOf(PortOutsidePool.class).hasMessageContaining("outside the pool of user dev (30000-30009)");
        assertThat(transaction.leases()).extracting(Lease::port).containsExactlyInAnyOrder(31_000, 30_000);
    }

    @Test
    void aSweepLeavesAnotherUsersLeasesOnThisHostAloneEvenWhenItsPidSeemsGone() {
        EtcdTransaction transaction = transaction(TeamPools.NONE);
        Lease mine = lease(SHOP_API, 4000, 77);
        Lease theirs = new Lease(new LeaseOwner("/home/bob/shop", "", "api", ""), 4001, 78, 0, "bob",
                Instant.ofEpochMilli(1_000));
        transaction.putLease(mine);
        transaction.putLease(theirs);

        List<Lease> swept = transaction.sweep(lease -> false);

        assertThat(swept).containsExactly(mine);
        assertThat(transaction.leases()).containsExactly(theirs);
    }

    @Test
    void aLeaseKeyGivesItsHostAndOwnerEvenWhenTheOwnerHasSlashes() {
        ByteSequence key = KEYS.lease("laptop", CODEC.key(SHOP_API));

        assertThat(KEYS.leaseKey(key)).contains(new EtcdKeys.LeaseKey("laptop", CODEC.key(SHOP_API)));
        assertThat(CODEC.owner(KEYS.leaseKey(key).orElseThrow().ownerKey())).isEqualTo(SHOP_API);
        assertThat(KEYS.leaseKey(EtcdKeys.bytes("/devstack/web/lease/stray"))).isEmpty();
    }

    private static EtcdTransaction transaction(TeamPools pools) {
        Snapshot snapshot = new Snapshot(5, 4, Guard.NONE, new TreeMap<>(), List.of(), new TreeMap<>(), new TreeMap<>(), pools);
        return new EtcdTransaction(snapshot, "laptop", "dev", SELF, CODEC, KEYS, List::of);
    }

    private static Lease lease(LeaseOwner owner, int port, long pid) {
        return new Lease(owner, port, pid, 0, "dev", Instant.ofEpochMilli(1_000));
    }
}
