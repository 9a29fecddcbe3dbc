package dev.devstack.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Run in separate JVMs by {@link ClaimsAcrossProcessesIT}: claims COUNT ports named
 * NAME-0, NAME-1, … (COUNT 0: until killed), printing each port once its claim has committed.
 */
public final class ClaimWorker {

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        ManualLeases leases = ManualLeases.of(new ProjectContext(Path.of("").toAbsolutePath(), Map.of(), home,
                "default", Clock.systemUTC()), System.err::println);
        for (int i = 0; count == 0 || i < count; i++) {
            ManualClaim claim = leases.claim(new ClaimRequest(List.of(), Optional.empty(), Optional.of(name + "-" + i),
                    Optional.empty(), OptionalLong.empty()));
            System.out.println(claim.port() + " " + name + "-" + i);
            System.out.flush();
        }
    }
}
