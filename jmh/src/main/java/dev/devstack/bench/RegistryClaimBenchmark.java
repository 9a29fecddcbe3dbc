package dev.devstack.bench;

import dev.devstack.app.ClaimRequest;
import dev.devstack.app.ManualLeases;
import dev.devstack.app.ProjectContext;
import dev.devstack.store.MapDbLeaseRegistry;
import dev.devstack.store.RegistryEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The registry on a real file: `devstack claim`'s work in one JVM, without the JVM's start
 * ({@link ManualLeases#claim}: lock, sweep, choose and probe a port, record the lease and its event,
 * commit), and a read of every lease (what `ports` and `who` do). Each iteration starts from a new
 * home folder under java.io.tmpdir holding {@link #HELD} claims; {@code log} {@code full} fills the
 * audit log to its {@link RegistryEvent#KEPT} events first, as on a machine that has used devstack
 * for a while.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RegistryClaimBenchmark {

    private static final Consumer<String> NO_WARNINGS = warning -> {
        throw new IllegalStateException("the registry warned: " + warning);
    };

    static final int HELD = 50;

    @Param({"empty", "full"})
    String log;

    private TempFolder home;
    private TempFolder project;
    private ManualLeases leases;
    private MapDbLeaseRegistry registry;
    private int claims;

    @Setup(Level.Iteration)
    public void newRegistry() {
        home = TempFolder.create("devstack-jmh-home-");
        project = TempFolder.create("devstack-jmh-project-");
        leases = ManualLeases.of(new ProjectContext(project.path(), Map.of(), home.path(), "default",
                Clock.systemUTC()), NO_WARNINGS);
        registry = new MapDbLeaseRegistry(home.path(), Duration.ofSeconds(10), NO_WARNINGS, Clock.systemUTC());
        if (log.equals("full")) {
            registry.update(tx -> {
                Instant now = Instant.now();
                for (int i = 0; i < RegistryEvent.KEPT; i++) {
                    tx.record(new RegistryEvent(now, RegistryEvent.Kind.CLAIM, 20_000 + i % 10_000,
                            "claim \"earlier-" + i + "\"", 0, "bench", "claimed"));
                }
                return null;
            });
        }
        for (int i = 0; i < HELD; i++) {
            leases.claim(request("held-" + i));
        }
    }

    @TearDown(Level.Iteration)
    public void deleteRegistry() {
        home.close();
        project.close();
    }

    /** One claim of a new name, committed: the port it got. */
    @Benchmark
    public int claim() {
        return leases.claim(request("bench-" + claims++)).port();
    }

    static ClaimRequest request(String name) {
        return new ClaimRequest(List.of(), Optional.empty(), Optional.of(name), Optional.empty(), OptionalLong.empty());
    }

    /** Every lease, read under the lock. */
    @Benchmark
    public int readLeases() {
        return registry.read(view -> view.leases().size());
    }
}
