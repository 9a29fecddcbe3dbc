package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.view.PortLease;
import dev.devstack.app.view.PortProcess;
import dev.devstack.app.view.PortRow;
import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The dashboard's port rows: which leases are this project's, and a conflict as a flag. */
class MachinePortRowsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aLeaseOfThisProjectIsToldFromAnotherProjectsAndAClaimByHand() {
        Lease ours = new Lease(new LeaseOwner("/work/shop", "default", "api", ""), 4012, 1200, 1, "dev", NOW);
        Lease theirs = new Lease(new LeaseOwner("/home/dev/blog", "default", "db", ""), 5432, 3000, 1, "dev", NOW);
        Lease claimed = new Lease(LeaseOwner.manual("ci-db"), 6000, 0, 0, "dev", NOW);

        assertThat(lease(ours)).contains(new PortLease("shop/api", true));
        assertThat(lease(theirs)).contains(new PortLease("blog/db", false));
        assertThat(lease(claimed)).contains(new PortLease("claim \"ci-db\"", false));
    }

    @Test
    void theListenerKeepsItsPidCommandAndDescriptionAndAConflictIsAFlag() {
        MachinePort port = new MachinePort(4013, List.of("127.0.0.1"), Optional.of(new ProcessInfo(999, 1, "dev", "nc -l 4013")),
                OptionalLong.of(999), "dev", Optional.empty(), false,
                Optional.of(new LeaseConflict(new LeaseOwner("/work/shop", "default", "web", ""),
                        Optional.of(new ProcessInfo(999, 1, "dev", "nc -l 4013")), "dev")));

        PortRow row = MachinePortRows.row(port, "/work/shop");

        assertThat(row.process()).contains(new PortProcess(999, "nc -l 4013", "pid 999 (nc -l 4013, user dev)"));
        assertThat(row.processGroup()).hasValue(999);
        assertThat(row.conflict()).isTrue();
        assertThat(row.addresses()).containsExactly("127.0.0.1");
        assertThat(MachinePortRows.row(new MachinePort(22, List.of("0.0.0.0"), Optional.empty(), OptionalLong.empty(), "root",
                Optional.empty(), false, Optional.empty()), "/work/shop").conflict()).isFalse();
    }

    private static Optional<PortLease> lease(Lease lease) {
        return MachinePortRows.row(new MachinePort(lease.port(), List.of(), Optional.empty(), OptionalLong.empty(), "dev",
                Optional.of(lease), true, Optional.empty()), "/work/shop").lease();
    }
}
