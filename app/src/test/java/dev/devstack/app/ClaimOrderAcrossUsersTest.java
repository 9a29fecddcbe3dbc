package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.config.PortRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PrimitiveIterator;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two users' `claim --range` on one machine, with the user a parameter of the scan order instead
 * of two real Unix users. Each user's registry is private, so a port one of them claimed but does
 * not listen on yet is free to the other: how often both are handed the same port depends only on
 * where their scans start. Before the user was hashed in, both started at the bottom of the range
 * (or, with the same name, at the same offset) and every claim of the second user was a duplicate.
 */
class ClaimOrderAcrossUsersTest {

    private static final PortRange RANGE = new PortRange(30000, 30039);

    private static ClaimRequest inRange(Optional<String> name) {
        return new ClaimRequest(List.of(), Optional.of(RANGE), name, Optional.empty(), OptionalLong.empty());
    }

    /** The ports {@code count} claims in a row hand {@code user} when nothing listens: its own leases are skipped. */
    private static List<Integer> claims(String user, Optional<String> name, int count) {
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PrimitiveIterator.OfInt candidates = ManualLeases.candidates(inRange(name), user);
            while (candidates.hasNext()) {
                int port = candidates.nextInt();
                if (!taken.contains(port)) {
                    taken.add(port);
                    break;
                }
            }
        }
        return taken;
    }

    private static int duplicates(List<Integer> a, List<Integer> b) {
        Set<Integer> both = new HashSet<>(a);
        both.retainAll(b);
        return both.size();
    }

    @Test
    void oneUsersClaimsAreTheSameEveryTime() {
        assertThat(claims("alice", Optional.empty(), 3)).isEqualTo(claims("alice", Optional.empty(), 3))
                .containsExactly(30021, 30022, 30023);
        assertThat(claims("alice", Optional.of("ci-db"), 1)).isEqualTo(claims("alice", Optional.of("ci-db"), 1));
    }

    @Test
    void twoUsersClaimingFromOneRangeRarelyGetTheSamePort() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            users.add("user" + i);
        }
        StringBuilder table = new StringBuilder("two users, " + RANGE.size() + "-port range, each claims k ports;"
                + " duplicates before (same start for all users) -> after (mean over "
                + users.size() * (users.size() - 1) / 2 + " pairs; pairs with any duplicate):\n");
        for (int k : new int[] {1, 3, 5, 10, 20}) {
            int total = 0;
            int pairsWithAny = 0;
            int pairs = 0;
            for (int a = 0; a < users.size(); a++) {
                for (int b = a + 1; b < users.size(); b++) {
                    int both = duplicates(claims(users.get(a), Optional.empty(), k),
                            claims(users.get(b), Optional.empty(), k));
                    total += both;
                    pairsWithAny += both > 0 ? 1 : 0;
                    pairs++;
                }
            }
            double mean = (double) total / pairs;
            table.append(String.format("  k=%2d: %2d -> %.2f (%.0f%% of pairs)%n", k, k, mean,
                    100.0 * pairsWithAny / pairs));
            // random starts give about k*k/40 duplicates on average; one start for all users gave k
            assertThat(mean).as("k=%d", k).isLessThan(2.0 * k * k / RANGE.size() + 0.1).isLessThan(k);
        }
        System.out.print(table);
    }

    @Test
    void theTwoUsersOfTheManualCheck() {
        int unnamed = duplicates(claims("dsalice", Optional.empty(), 20), claims("dsbob", Optional.empty(), 20));
        int named = duplicates(claims("dsalice", Optional.of("db"), 1), claims("dsbob", Optional.of("db"), 1));
        System.out.println("dsalice and dsbob, 20 claims each: " + unnamed + " ports claimed by both;"
                + " one claim each named db: " + named);

        assertThat(unnamed).isLessThan(20);
        assertThat(named).isZero();
    }
}
