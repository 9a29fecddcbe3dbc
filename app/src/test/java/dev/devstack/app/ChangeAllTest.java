package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.store.Lease;
import dev.devstack.supervisor.ErrorCategory;
import dev.devstack.supervisor.config.PortRange;
import dev.devstack.supervisor.testing.ForeignListener;
import dev.devstack.supervisor.testing.FreePorts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many claims and releases in one registry operation, as the agent makes them: each as if made alone. */
class ChangeAllTest {

    @TempDir
    Path home;

    private final List<String> warnings = new ArrayList<>();

    private ManualLeases leases() {
        return ManualLeases.of(home, Clock.systemUTC(), warnings::add);
    }

    private static LeaseChange claim(Optional<String> name, List<Integer> preferred, Optional<PortRange> range) {
        return new LeaseChange.Claim(new ClaimRequest(preferred, range, name, Optional.empty(), OptionalLong.empty()));
    }

    @Test
    void aConflictingClaimFailsAloneAndAReleaseInTheBatchFreesItsPortForTheClaimsAfterIt() throws Exception {
        int port = FreePorts.next();
        int busy = FreePorts.next();
        try (ForeignListener foreign = ForeignListener.on(busy)) {
            List<ChangeOutcome> outcomes = leases().changeAll(List.of(
                    claim(Optional.of("first"), List.of(port), Optional.empty()),
                    claim(Optional.empty(), List.of(port), Optional.empty()),
                    claim(Optional.empty(), List.of(), Optional.of(new PortRange(busy, busy))),
                    new LeaseChange.ReleaseName("first"),
                    claim(Optional.of("second"), List.of(port), Optional.empty()),
                    claim(Optional.of("second"), List.of(), Optional.empty()),
                    new LeaseChange.ReleasePort(port + 999)));

            assertThat(outcomes).hasSize(7);
            assertThat(claimed(outcomes.get(0)).port()).isEqualTo(port);
            ManualClaim moved = claimed(outcomes.get(1));
            assertThat(moved.port()).as("the port the batch's first claim took is not given twice").isNotEqualTo(port);
            assertThat(moved.notPreferred()).hasValueSatisfying(why -> assertThat(why).contains("claim \"first\""));
            assertThat(outcomes.get(2)).isInstanceOfSatisfying(ChangeOutcome.Failed.class,
                    failed -> assertThat(failed.error().category()).isEqualTo(ErrorCategory.PORT_CONFLICT));
            assertThat(released(outcomes.get(3)).removed()).extracting(Lease::port).containsExactly(port);
            assertThat(claimed(outcomes.get(4)).port()).as("released earlier in the same batch").isEqualTo(port);
            assertThat(claimed(outcomes.get(5)).again()).isTrue();
            assertThat(released(outcomes.get(6)).removed()).isEmpty();

            List<Integer> held = leases().leases().stream().map(listed -> listed.lease().port()).sorted().toList();
            assertThat(held).as("what the batch made is in the registry file")
                    .containsExactlyInAnyOrder(port, moved.port());
        }
    }

    @Test
    void aBatchWhoseEveryClaimFailsBeforeTheRegistryLeavesItAlone() {
        List<ChangeOutcome> outcomes = leases().changeAll(List.of(new LeaseChange.Claim(new ClaimRequest(List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.of(Integer.MAX_VALUE - 1)))));

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(ChangeOutcome.Failed.class,
                failed -> assertThat(failed.error().getMessage()).contains("no process has pid"));
        assertThat(home.resolve("registry.db")).doesNotExist();
    }

    private static ManualClaim claimed(ChangeOutcome outcome) {
        assertThat(outcome).isInstanceOf(ChangeOutcome.Claimed.class);
        return ((ChangeOutcome.Claimed) outcome).claim();
    }

    private static ManualLeases.Released released(ChangeOutcome outcome) {
        assertThat(outcome).isInstanceOf(ChangeOutcome.Released.class);
        return ((ChangeOutcome.Released) outcome).released();
    }
}
