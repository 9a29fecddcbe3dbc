import dev.devstack.app.ClaimRequest;
import dev.devstack.app.ManualLeases;
import dev.devstack.app.ProjectContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * One client of bench_team_registry.py: claims ports by name through devstack's own claim path
 * ({@code ManualLeases.claim}, what `devstack claim NAME` runs: sweep, scan, probe, lease, audit
 * event, commit) in the registry its environment chooses, as a devstack command would:
 * DEVSTACK_REGISTRY (absent: the embedded registry of DEVSTACK_HOME), DEVSTACK_HOST,
 * XDG_CONFIG_HOME.
 *
 * <p>It warms up first (WARMUP claims, then releases them, so that the timed claims start on the
 * registry the other clients see), prints "ready", waits for a line on stdin, makes COUNT claims
 * named NAME-0, NAME-1, … and prints one JSON line: when it started and ended (epoch µs, so that the
 * script can take the window of all clients together), each claim's latency in µs and its port.
 * It holds every lease it claimed; the script throws the registry away afterwards.
 *
 * <p>{@code java -cp cli/target/devstack.jar bench/TeamRegistryBench.java NAME COUNT WARMUP}
 */
public final class TeamRegistryBench {

    private TeamRegistryBench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int count = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        Path home = Path.of(System.getenv("DEVSTACK_HOME"));
        // The registry and the host come from the environment, exactly as for `devstack claim`.
        ManualLeases leases = ManualLeases.of(new ProjectContext(home, Map.copyOf(System.getenv()), home,
                ProjectContext.DEFAULT_INSTANCE, Clock.systemUTC()), System.err::println);
        for (int i = 0; i < warmup; i++) {
            leases.claim(request(name + "-warmup-" + i));
        }
        for (int i = 0; i < warmup; i++) {
            leases.release(name + "-warmup-" + i);
        }
        System.out.println("ready");
        System.out.flush();
        if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
            System.exit(1);
        }
        long[] latencies = new long[count];
        int[] ports = new int[count];
        Instant started = Instant.now();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long began = System.nanoTime();
            ports[i] = leases.claim(request(name + "-" + i)).port();
            latencies[i] = (System.nanoTime() - began) / 1_000;
        }
        long elapsed = (System.nanoTime() - start) / 1_000;
        long startedMicros = ChronoUnit.MICROS.between(Instant.EPOCH, started);
        System.out.println("{\"start_us\": " + startedMicros + ", \"end_us\": " + (startedMicros + elapsed)
                + ", \"latencies_us\": " + list(latencies) + ", \"ports\": " + list(ports) + "}");
        System.out.flush();
        // jetcd's gRPC threads are not daemons: the claims are committed, nothing is left to wait for.
        System.exit(0);
    }

    private static ClaimRequest request(String name) {
        return new ClaimRequest(List.of(), Optional.empty(), Optional.of(name), Optional.empty(), OptionalLong.empty());
    }

    private static String list(long[] values) {
        StringJoiner joined = new StringJoiner(", ", "[", "]");
        for (long value : values) {
            joined.add(Long.toString(value));
        }
        return joined.toString();
    }

    private static String list(int[] values) {
        StringJoiner joined = new StringJoiner(", ", "[", "]");
        for (int value : values) {
            joined.add(Integer.toString(value));
        }
        return joined.toString();
    }
}
