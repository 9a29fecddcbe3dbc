package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.MachinePort;
import dev.devstack.app.MachinePortsReport;
import dev.devstack.app.WhoReport;
import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RemoteLease;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The text of `ports --all`, `who` and `history` with a team registry's leases and events of other hosts. */
class RemoteLeasesTextTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final String REGISTRY = "etcd://127.0.0.1:2379 (namespace web-team)";

    private static final RemoteLease CI_DB = new RemoteLease("ci-runner-7",
            new Lease(LeaseOwner.manual("ci-db"), 20410, 0, 0, "ci", NOW.minusSeconds(600)));
    private static final RemoteLease ANA_WEB = new RemoteLease("build-2",
            new Lease(new LeaseOwner("/home/ana/web", "default", "web", ""), 5173, 7702, 1, "ana", NOW.minusSeconds(60)));

    private static final MachinePort LOCAL = new MachinePort(5173, List.of("127.0.0.1"),
            Optional.of(new ProcessInfo(48211, 1, "dev", "node vite --port 5173")), OptionalLong.of(48200), "dev",
            Optional.of(new Lease(new LeaseOwner("/home/dev/shop", "default", "web", ""), 5173, 48100, 1, "dev", NOW)),
            true, Optional.empty());

    @Test
    void portsAllListsOtherHostsLeasesInATableOfTheirOwnMarkedRemoteWithTheRegistry() {
        List<String> lines = lines(out -> MachinePortsOutput.table(
                new MachinePortsReport(List.of(LOCAL), List.of(ANA_WEB, CI_DB), REGISTRY), NOW, out));

        assertThat(lines.get(1)).isEqualTo("5173  127.0.0.1  48211  dev   shop/web (devstack pid 48100)  node vite --port 5173");
        assertThat(lines.subList(2, lines.size())).containsExactly(
                "",
                "Remote, on other hosts (" + REGISTRY + "):",
                "HOST         PORT   OWNER                 USER",
                "build-2      5173   web of /home/ana/web  ana",
                "ci-runner-7  20410  claim \"ci-db\"         ci");
        assertThat(lines.subList(3, lines.size())).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void portsAllWithoutRemoteLeasesIsTheMachinesTableAlone() {
        List<String> lines = lines(out -> MachinePortsOutput.table(
                new MachinePortsReport(List.of(LOCAL), List.of(), "/home/dev/.local/state/devstack/registry.db"), NOW, out));

        assertThat(lines).hasSize(2).noneMatch(line -> line.contains("Remote"));
    }

    @Test
    void whoAddsARemoteLineForEachOtherHostsLeaseOfThePort() {
        List<String> nothingHere = lines(out -> WhoCommand.print(new WhoReport(20410, List.of(), Optional.empty(), false,
                List.of(CI_DB)), out, NOW));
        List<String> leasedHere = lines(out -> WhoCommand.print(new WhoReport(5173, List.of(), LOCAL.lease(), true,
                List.of(ANA_WEB)), out, NOW));

        assertThat(nothingHere).containsExactly("nothing listens on port 20410",
                "  remote    claim \"ci-db\" on host ci-runner-7 (user ci, until released)");
        assertThat(leasedHere).containsExactly(
                "nothing listens on port 5173; devstack has leased it to web of /home/dev/shop (devstack pid 48100, running)",
                "  remote    web of /home/ana/web on host build-2 (user ana, devstack pid 7702)");
    }

    @Test
    void historyShowsAHostColumnOnlyWhenAnEventOfAnotherHostIsShown() {
        RegistryEvent here = new RegistryEvent(NOW, RegistryEvent.Kind.CLAIM, 20411, "claim \"mine\"", 0, "dev", "claimed");
        RegistryEvent there = new RegistryEvent(NOW.minusSeconds(60), RegistryEvent.Kind.CLAIM, 20410, "claim \"ci-db\"",
                0, "ci", "claimed", "ci-runner-7");

        List<String> team = lines(out -> HistoryCommand.table(List.of(there, here), ZoneOffset.UTC, out));
        List<String> alone = lines(out -> HistoryCommand.table(List.of(here), ZoneOffset.UTC, out));

        assertThat(team).containsExactly(
                "TIME                 HOST         EVENT  PORT   OWNER          PID  DETAIL",
                "2026-12-01 01:59:00  ci-runner-7  claim  20410  claim \"ci-db\"  -    claimed",
                "2026-12-01 02:00:00  this host    claim  20411  claim \"mine\"   -    claimed");
        assertThat(alone).containsExactly(
                "TIME                 EVENT  PORT   OWNER         PID  DETAIL",
                "2026-12-01 02:00:00  claim  20411  claim \"mine\"  -    claimed");
    }

    private static List<String> lines(Consumer<PrintStream> print) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            print.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
