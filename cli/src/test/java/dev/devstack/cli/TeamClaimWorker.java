package dev.devstack.cli;

import dev.devstack.app.ClaimRequest;
import dev.devstack.app.ManualClaim;
import dev.devstack.app.ManualLeases;
import dev.devstack.app.ProjectContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Run in JVMs of their own by {@link TeamClaimsIT}: one devstack that claims COUNT ports named
 * NAME-0, NAME-1, … the way `devstack claim --name` does (ManualLeases, on the registry its
 * environment chooses), one registry connection for all, printing "PORT NAME-i" once a claim has
 * returned. A JVM start and jetcd's warm-up for every claim would make 400 claims take minutes.
 *
 * <p>A claim that fails (its etcd member died under it) is said on stderr ("failed: NAME-i: why")
 * and asked again, as a CI job would run `devstack claim --name` again: a named claim that did
 * commit before its answer was lost then gets the same port back, never a second one. The exit
 * code is 1 when a claim still failed after {@link #PATIENCE}.
 */
public final class TeamClaimWorker {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    public static void main(String[] args) {
        String name = args[0];
        int count = Integer.parseInt(args[1]);
        ProjectContext context = new ProjectContext(Path.of("").toAbsolutePath(), System.getenv(),
                Path.of(System.getenv("DEVSTACK_HOME")), ProjectContext.DEFAULT_INSTANCE, Clock.systemUTC());
        ManualLeases leases = null;
        for (int i = 0; i < count; i++) {
            String lease = name + "-" + i;
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                try {
                    leases = leases == null ? ManualLeases.of(context, System.err::println) : leases;
                    ManualClaim claim = leases.claim(new ClaimRequest(List.of(), Optional.empty(), Optional.of(lease),
                            Optional.empty(), OptionalLong.empty()));
                    System.out.println(claim.port() + " " + lease);
                    System.out.flush();
                    break;
                } catch (RuntimeException e) {
                    System.err.println("failed: " + lease + ": " + e.getMessage());
                    if (System.nanoTime() > deadline) {
                        System.exit(1);
                    }
                    // a member that refuses at once would otherwise be asked in a busy loop
                    LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                }
            }
        }
        System.exit(0);
    }
}
