package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.TestProject;
import dev.devstack.supervisor.testing.TestStack;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that prints more than 50 MB as fast as it can: it is never held up, and no line is lost. */
class OutputVolumeIT {

    private static final int LINES = 600_000;
    private static final Pattern SKIPPED = Pattern.compile("(\\d+) lines not shown");

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    @Test
    void fiftyMegabytesOfOutputAreReadWithoutBlockingAndEveryLineIsKept() throws Exception {
        new TestProject(projectDir)
                .write("talker.py", "import sys\n"
                        + "write = sys.stdout.write\n"
                        + "for i in range(int(sys.argv[1])):\n"
                        + "    write('line %07d %s\\n' % (i, 'x' * 80))\n")
                .write("ports.yaml", "services:\n  talker: { command: python3 talker.py " + LINES + ", port: none }\n");
        AtomicLong shown = new AtomicLong();
        AtomicLong notShown = new AtomicLong();
        Path logs = projectDir.resolve(".devstack/logs");

        try (Supervisor supervisor = TestStack.supervisor(projectDir, home, new SupervisorSettings(logs, 1L << 30, false, false))) {
            supervisor.subscribe(event -> {
                if (event instanceof StackEvent.Output) {
                    shown.incrementAndGet();
                } else if (event instanceof StackEvent.Notice notice) {
                    Matcher skipped = SKIPPED.matcher(notice.message());
                    if (skipped.find()) {
                        notShown.addAndGet(Long.parseLong(skipped.group(1)));
                    }
                }
            });
            supervisor.start();

            StackOutcome outcome = supervisor.finished().get(120, TimeUnit.SECONDS);
            assertThat(outcome.services().get(0).state()).isEqualTo(ServiceState.EXITED);
        }

        Path log = logs.resolve("talker.log");
        assertThat(Files.size(log)).isGreaterThan(50L * 1000 * 1000);
        int expected = 0;
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                assertThat(line).as("line %d of the log", expected)
                        .endsWith(" out line %07d %s".formatted(expected, "x".repeat(80)));
                expected++;
            }
        }
        assertThat(expected).isEqualTo(LINES);
        Await.until(Duration.ofSeconds(5), "every line shown or counted as not shown",
                () -> shown.get() + notShown.get() == LINES);
    }
}
