package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.DevstackException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big files load in time proportional to their size and never overflow the stack. Times are the
 * loading thread's CPU time, so that a busy machine does not fail the tests.
 */
class LargeConfigTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void aLongLineTakesTimeInProportionToItsLength() {
        ProjectFolder folder = new ProjectFolder(dir);
        Supplier<Duration> quarter = () -> fastest(() -> folder.write("ports.yaml", longCommand(250_000)).load());
        Supplier<Duration> whole = () -> fastest(() -> folder.write("ports.yaml", longCommand(1_000_000)).load());
        quarter.get();

        Duration small = quarter.get();
        Duration large = whole.get();

        assertThat(large).as("a line of a megabyte").isLessThan(Duration.ofSeconds(1));
        assertThat(large.toNanos()).as("four times the length; %s against %s", large, small)
                .isLessThan(8 * Math.max(small.toNanos(), Duration.ofMillis(5).toNanos()));
    }

    @Test
    void aListOfManyPortsIsReadInLinearTime() {
        String ports = IntStream.rangeClosed(1024, 60_000).mapToObj(Integer::toString).collect(Collectors.joining(","));
        ProjectFolder folder = new ProjectFolder(dir).write("ports.yaml", "services:\n  a: { command: ./a, port: ["
                + ports + "] }\n");

        Duration took = fastest(folder::load);

        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(folder.load().service("a").orElseThrow().port().preferred()).hasSize(60_000 - 1024 + 1);
    }

    @Test
    void aServiceWithFiftyThousandNamedPortsIsValidatedInLinearTime() {
        StringBuilder yaml = new StringBuilder("services:\n  a:\n    command: ./a\n    ports:\n");
        for (int port = 1024; port < 51_024; port++) {
            yaml.append("      p").append(port).append(": ").append(port).append('\n');
        }
        ProjectFolder folder = new ProjectFolder(dir).write("ports.yaml", yaml.toString());

        assertThat(fastest(folder::load)).isLessThan(Duration.ofSeconds(1));
        assertThat(folder.load().service("a").orElseThrow().namedPorts()).hasSize(50_000);
    }

    @Test
    void aChainOfTenThousandDependenciesNeitherOverflowsASmallStackNorTakesLong() throws InterruptedException {
        int length = 10_000;
        StringBuilder yaml = new StringBuilder("services:\n");
        for (int i = 0; i < length; i++) {
            yaml.append(" s").append(i).append(": {command: x, port: none, depends_on: [s").append(i + 1).append("]}\n");
        }
        yaml.append(" s").append(length).append(": {command: x, port: none}\n");
        ProjectFolder folder = new ProjectFolder(dir).write("ports.yaml", yaml.toString());
        AtomicReference<Object> waves = new AtomicReference<>();
        AtomicReference<Duration> took = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            long start = THREADS.getCurrentThreadCpuTime();
            try {
                waves.set(DependencyGraph.of(folder.load().services()).waves().size());
            } catch (Throwable e) {
                waves.set(e);
            }
            took.set(Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - start));
        }, "small-stack", 256 * 1024);

        small.start();
        small.join(60_000);

        assertThat(waves.get()).isEqualTo(length + 1);
        assertThat(took.get()).as("with a cold JIT").isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aVeryLongUnknownNameIsReportedWithoutComparingItToEveryKnownOne() {
        String name = "s".repeat(200_000);
        ProjectFolder folder = new ProjectFolder(dir).write("ports.yaml", "services:\n  ? " + name + "\n  : { command: x }\n"
                + "  b: { command: ./b, depends_on: [" + name + "t] }\n");

        List<String> problems = folder.problems();

        assertThat(problems).singleElement().asString().startsWith("ports.yaml:4:35: service `b` depends on `sss").endsWith("t`, which is"
                + " not defined").hasSizeLessThan(Problems.LONGEST_MESSAGE + 100);
    }

    private static String longCommand(int length) {
        return "services:\n  web:\n    command: ./web" + "x".repeat(length) + "\n";
    }

    /** The least CPU time of three runs of {@code load}, which may succeed or be refused. */
    private static Duration fastest(Runnable load) {
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = THREADS.getCurrentThreadCpuTime();
            try {
                load.run();
            } catch (DevstackException refused) {
                // the time is what counts here
            }
            least = Math.min(least, THREADS.getCurrentThreadCpuTime() - start);
        }
        return Duration.ofNanos(least);
    }
}
