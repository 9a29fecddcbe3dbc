package dev.devstack.bench;

import dev.devstack.app.ManualLeases;
import dev.devstack.app.ProjectContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Claims across processes, for bench/bench_jmh.py (JMH forks one JVM at a time): claims COUNT
 * ports named NAME-0, NAME-1, … in the registry of HOME, printing a line once each claim has
 * committed, so that several of these at once measure the lock passing between processes.
 *
 * <p>{@code java -cp benchmarks.jar dev.devstack.bench.ClaimLoop HOME NAME COUNT}
 */
public final class ClaimLoop {

    private ClaimLoop() {
    }

    public static void main(String[] args) {
        ManualLeases leases = ManualLeases.of(new ProjectContext(Path.of("").toAbsolutePath(), Map.of(),
                Path.of(args[0]), "default", Clock.systemUTC()), System.err::println);
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            int port = leases.claim(RegistryClaimBenchmark.request(name + "-" + i)).port();
            System.out.println(port + " " + name + "-" + i);
            System.out.flush();
        }
    }
}
