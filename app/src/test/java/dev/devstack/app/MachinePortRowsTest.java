package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.devstack.app.view.PortLease;
import dev.devstack.app.view.PortProcess;
import dev.devstack.app.view.PortRow;
import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.RemoteLease;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The dashboard's port rows: which leases are this project's, a conflict as a flag, and other hosts' leases marked remote. */
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

    @Test
    void otherHostsLeasesFollowTheMachinesRowsMarkedRemoteWithTheirHostAndNeverThisProjects() {
        MachinePort local = new MachinePort(4012, List.of("127.0.0.1"), Optional.empty(), OptionalLong.empty(), "dev",
                Optional.empty(), false, Optional.empty());
        RemoteLease sameFolderElsewhere = new RemoteLease("build-2",
                new Lease(new LeaseOwner("/work/shop", "default", "api", ""), 4012, 7702, 1, "ana", NOW));
        RemoteLease claim = new RemoteLease("ci-runner-7", new Lease(LeaseOwner.manual("ci-db"), 20410, 0, 0, "ci", NOW));

        List<PortRow> rows = MachinePortRows.rows(new MachinePortsReport(List.of(local), List.of(sameFolderElsewhere, claim),
                "etcd://127.0.0.1:2379 (namespace t)"), "/work/shop");

        assertThat(rows).extracting(PortRow::port, PortRow::host, PortRow::remote)
                .containsExactly(tuple(4012, "", false), tuple(4012, "build-2", true), tuple(20410, "ci-runner-7", true));
        PortRow elsewhere = rows.get(1);
        assertThat(elsewhere.lease()).contains(new PortLease("shop/api", false));
        assertThat(elsewhere.user()).isEqualTo("ana");
        assertThat(elsewhere.listening()).isFalse();
        assertThat(elsewhere.process()).isEmpty();
        assertThat(rows.get(2).lease()).contains(new PortLease("claim \"ci-db\"", false));
        assertThat(rows.get(2).user()).isEqualTo("ci");
    }

    private static Optional<PortLease> lease(Lease lease) {
        return MachinePortRows.row(new MachinePort(lease.port(), List.of(), Optional.empty(), OptionalLong.empty(), "dev",
                Optional.of(lease), true, Optional.empty()), "/work/shop").lease();
    }
}
