package dev.devstack.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.store.LeaseCodec;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RegistryException;
import dev.devstack.store.TeamPools;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values only the team registry writes: the guard, batches of events, the pools. */
class EntryCodecsTest {

    @Test
    void theGuardIsReadBackAndADamagedOneIsNamed() {
        Guard guard = new Guard(41, 10_000);
        assertThat(Guard.decode(guard.encode(), "/devstack/web/guard")).isEqualTo(guard);
        assertThatThrownBy(() -> Guard.decode("17", "/devstack/web/guard")).isInstanceOf(RegistryException.class)
                .hasMessage("the team registry's guard /devstack/web/guard is not what devstack writes (17); ask whoever"
                        + " runs the team registry to repair it (`etcdctl get /devstack/web/guard` shows it)");
    }

    @Test
    void aBatchOfEventsKeepsTheirOrderAndHosts() {
        EventBatches batches = new EventBatches(new LeaseCodec());
        List<RegistryEvent> events = List.of(
                new RegistryEvent(Instant.ofEpochMilli(1), RegistryEvent.Kind.CLAIM, 4000, "api of /src/shop", 7, "ann",
                        "a \"quoted\" detail", "laptop"),
                new RegistryEvent(Instant.ofEpochMilli(2), RegistryEvent.Kind.CONFLICT, 4001, "claim \"db\"", 0, "bob",
                        "taken", "ci-4"));

        assertThat(batches.decode(batches.encode(events), "/devstack/web/event/1")).isEqualTo(events);
        assertThatThrownBy(() -> batches.decode("{\"at\":1}", "/devstack/web/event/1"))
                .isInstanceOf(RegistryException.class).hasMessageContaining("history entry /devstack/web/event/1");
    }

    @Test
    void poolsAreReadBackWithTheirRules() {
        PoolsCodec codec = new PoolsCodec();
        TeamPools pools = new TeamPools(Map.of("alice", TeamPools.userPool("alice", 20_000, 20_999)),
                Map.of("shop", TeamPools.projectPool("shop", 22_000, 22_099)));

        assertThat(codec.decode(codec.encode(pools), "/devstack/web/pools")).isEqualTo(pools);
        assertThat(codec.decode(codec.encode(TeamPools.NONE), "/devstack/web/pools")).isEqualTo(TeamPools.NONE);
        assertThatThrownBy(() -> codec.decode("{\"users\":{\"alice\":{\"first\":1,\"last\":2}}}", "/devstack/web/pools"))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("the team's pools at /devstack/web/pools are not what devstack writes");
    }
}
