package dev.devstack.agent.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.devstack.app.ClaimRequest;
import dev.devstack.app.LeaseChange;
import dev.devstack.app.ManualClaim;
import dev.devstack.app.ManualLeases;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.ErrorCategory;
import dev.devstack.supervisor.config.PortRange;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims and releases handed to the queue at once: each answered with its own outcome, once in the file. */
class ClaimQueueTest {

    @TempDir
    Path home;

    private ManualLeases leases() {
        return ManualLeases.of(home, Clock.systemUTC(), warning -> { });
    }

    private static LeaseChange.Claim inRange(Optional<String> name, OptionalLong pid) {
        return new LeaseChange.Claim(new ClaimRequest(List.of(), Optional.of(new PortRange(33000, 33999)), name,
                Optional.empty(), pid));
    }

    @Test
    void aFailingClaimFailsAloneAndEveryOtherIsInTheRegistryFileWhenAnswered() throws Exception {
        List<CompletableFuture<ManualClaim>> claims = new ArrayList<>();
        CompletableFuture<ManualClaim> noSuchPid;
        CompletableFuture<ManualLeases.Released> release;
        try (ClaimQueue queue = new ClaimQueue(leases())) {
            for (int i = 0; i < 100; i++) {
                claims.add(queue.claim(inRange(Optional.of("c" + i), OptionalLong.empty())));
            }
            noSuchPid = queue.claim(inRange(Optional.empty(), OptionalLong.of(Integer.MAX_VALUE - 1)));
            release = queue.release(new LeaseChange.ReleaseName("c0"));
            CompletableFuture.allOf(claims.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            release.get(60, TimeUnit.SECONDS);
        }

        assertThat(catchThrowable(noSuchPid::join)).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(DevstackException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_CONFIG));
        HashSet<Integer> ports = new HashSet<>();
        claims.forEach(claim -> ports.add(claim.join().port()));
        assertThat(ports).hasSize(100);
        assertThat(release.join().removed()).extracting(lease -> lease.owner().service()).containsExactly("c0");
        assertThat(leases().leases()).hasSize(99);
    }

    @Test
    void afterCloseAChangeIsRefusedAndNothingIsWritten() {
        ClaimQueue queue = new ClaimQueue(leases());
        queue.close();

        Throwable refused = catchThrowable(() -> queue.claim(inRange(Optional.of("late"), OptionalLong.empty()))
                .get(10, TimeUnit.SECONDS));

        assertThat(refused).hasCauseInstanceOf(DevstackException.class).hasMessageContaining("agent stopped");
        assertThat(leases().leases()).isEmpty();
    }
}
