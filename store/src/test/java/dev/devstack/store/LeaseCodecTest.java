package dev.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaseCodecTest {

    private final LeaseCodec codec = new LeaseCodec();
    private final LeaseOwner owner = new LeaseOwner("/home/dév/my \"shop\"", "default", "api", "metrics");

    @Test
    void leasesAndStickyPortsSurviveTheRoundTrip() {
        Lease lease = new Lease(owner, 4012, 1234, 5_678_901L, "dev", Instant.ofEpochMilli(1_700_000_000_123L));
        StickyPort sticky = new StickyPort(owner, 4012, Instant.ofEpochMilli(42));
        String key = codec.key(owner);

        assertThat(codec.owner(key)).isEqualTo(owner);
        assertThat(codec.decodeLease(key, codec.encode(lease))).isEqualTo(lease);
        assertThat(codec.decodeSticky(key, codec.encode(sticky))).isEqualTo(sticky);
    }

    @Test
    void theFormatHasExplicitFieldNames() {
        Lease lease = new Lease(owner, 4012, 1234, 99, "dev", Instant.ofEpochMilli(7));

        assertThat(codec.encode(lease)).isEqualTo("{\"port\":4012,\"pid\":1234,\"pid_start\":99,\"user\":\"dev\",\"claimed_at\":7}");
        assertThat(codec.key(owner)).isEqualTo("[\"/home/dév/my \\\"shop\\\"\",\"default\",\"api\",\"metrics\"]");
    }

    @Test
    void aClaimedLeaseKeepsItsExpiryAndAnOldEntryHasNone() {
        LeaseOwner claim = LeaseOwner.manual("ci-db");
        Lease lease = new Lease(claim, 5432, 0, 0, "dev", Instant.ofEpochMilli(7), Optional.of(Instant.ofEpochMilli(60_007)));
        String key = codec.key(claim);

        assertThat(codec.encode(lease)).endsWith(",\"expires_at\":60007}");
        assertThat(codec.decodeLease(key, codec.encode(lease))).isEqualTo(lease);
        assertThat(codec.decodeLease(key, "{\"port\":1,\"pid\":2,\"pid_start\":3,\"user\":\"u\",\"claimed_at\":4}")
                .expiresAt()).isEmpty();
        assertThat(lease.processBound()).isFalse();
        assertThat(lease.expiredAt(Instant.ofEpochMilli(60_006))).isFalse();
        assertThat(lease.expiredAt(Instant.ofEpochMilli(60_007))).isTrue();
        assertThat(claim.manual()).isTrue();
        assertThat(owner.manual()).isFalse();
    }

    @Test
    void fieldsAddedByALaterVersionAreIgnored() {
        String key = codec.key(owner);
        Lease lease = codec.decodeLease(key, "{\"port\":1,\"pid\":2,\"pid_start\":3,\"user\":\"u\",\"claimed_at\":4,"
                + "\"ttl\":{\"seconds\":60},\"name\":\"ci\"}");

        assertThat(lease.port()).isEqualTo(1);
    }

    @Test
    void aDamagedEntryIsShownWithWhatIsWrongWithIt() {
        assertThatThrownBy(() -> codec.decodeLease(codec.key(owner), "{\"port\":\"x\"}"))
                .isInstanceOf(DamagedEntry.class).hasMessage("{\"port\":\"x\"} has no number `port`");
        assertThatThrownBy(() -> codec.owner("not json"))
                .isInstanceOf(DamagedEntry.class).hasMessage("not json is not JSON");
        assertThatThrownBy(() -> codec.owner("[\"a\",\"b\"]"))
                .isInstanceOf(DamagedEntry.class).hasMessage("[\"a\",\"b\"] is not a key of four strings");
        assertThatThrownBy(() -> codec.decodeEvent("{\"kind\":\"party\"}"))
                .isInstanceOf(DamagedEntry.class).hasMessage("{\"kind\":\"party\"} has an unknown `kind`");
    }
}
