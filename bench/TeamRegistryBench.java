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
 * script can take the window of all clients together), each claim's latency in µs and its port, and
 * how many claims failed (a registry that does not answer in time, say) with the first one's message:
 * on a loaded machine that is a figure too, not a reason to stop. It holds every lease it claimed;
 * the script throws the registry away afterwards.
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
        Failures failures = new Failures();
        for (int i = 0; i < warmup; i++) {
            try {
                leases.claim(request(name + "-warmup-" + i));
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        for (int i = 0; i < warmup; i++) {
            try {
                leases.release(name + "-warmup-" + i);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        int warmupFailures = failures.count;
        System.out.println("ready");
        System.out.flush();
        if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
            System.exit(1);
        }
        StringJoiner latencies = new StringJoiner(", ", "[", "]");
        StringJoiner ports = new StringJoiner(", ", "[", "]");
        Instant started = Instant.now();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long began = System.nanoTime();
            try {
                int port = leases.claim(request(name + "-" + i)).port();
                latencies.add(Long.toString((System.nanoTime() - began) / 1_000));
                ports.add(Integer.toString(port));
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        long elapsed = (System.nanoTime() - start) / 1_000;
        long startedMicros = ChronoUnit.MICROS.between(Instant.EPOCH, started);
        System.out.println("{\"start_us\": " + startedMicros + ", \"end_us\": " + (startedMicros + elapsed)
                + ", \"latencies_us\": " + latencies + ", \"ports\": " + ports
                + ", \"warmup_failures\": " + warmupFailures + ", \"failures\": " + (failures.count - warmupFailures)
                + ", \"first_failure\": " + quoted(failures.first) + "}");
        System.out.flush();
        // jetcd's gRPC threads are not daemons: the claims are committed, nothing is left to wait for.
        System.exit(0);
    }

    private static ClaimRequest request(String name) {
        return new ClaimRequest(List.of(), Optional.empty(), Optional.of(name), Optional.empty(), OptionalLong.empty());
    }

    /** How many operations failed, and the first one's message. */
    private static final class Failures {
        int count;
        String first = "";

        void add(RuntimeException e) {
            if (count++ == 0) {
                first = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < ' ') {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
