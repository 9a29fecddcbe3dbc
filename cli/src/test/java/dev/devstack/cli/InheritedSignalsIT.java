package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * devstack started as a script's background job starts (SIGINT ignored; here SIGQUIT blocked
 * too, as the JVM itself does for its children): it says so once, and its services still start
 * with every signal at its default, so that `stop_signal: INT` stops one at once.
 */
class InheritedSignalsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    @Test
    void servicesGetDefaultSignalsWhateverDevstackInherited() throws Exception {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api:
                    command: "sh -c 'grep -E \\"^Sig(Ign|Blk)\\" /proc/self/status > signals.txt; exec sleep 600'"
                    port: none
                    stop_signal: INT
                """);
        List<String> command = new ArrayList<>(List.of("env", "--ignore-signal=INT", "--block-signal=QUIT",
                ProcessHandle.current().info().command().orElse("java"), "-jar", DevstackProcess.jar().toString(),
                "up", "--no-tui"));
        Path out = home.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(projectDir.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        DevstackProcess.environment(builder.environment(), home);
        Process up = builder.start();
        List<ProcessHandle> services = new ArrayList<>();
        try {
            Await.until(WAIT, "the service to report its signals", () -> read(projectDir.resolve("signals.txt"))
                    .lines().count() == 2);
            ProcessHandle.of(Await.value(WAIT, "the service's pid", () -> {
                JsonNode pid = json(read(projectDir.resolve(".devstack/run.json"))).path("services").path(0).path("pid");
                return pid.isNumber() ? pid.asLong() : null;
            })).ifPresent(services::add);

            // the standard signals 1-31; 32 and up are the C library's own, which no program can hand on changed
            assertThat(read(projectDir.resolve("signals.txt")).lines()
                    .map(line -> line.substring(0, 8) + (Long.parseUnsignedLong(line.substring(8).strip(), 16) & 0x7fffffffL)))
                    .containsExactly("SigBlk:\t0", "SigIgn:\t0");

            new ProcessBuilder("kill", "-TERM", String.valueOf(up.pid())).start().waitFor();
            assertThat(up.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = read(out);
            assertThat(up.exitValue()).as(output).isZero();
            assertThat(output).contains("api: stopped by devstack (SIGINT)").doesNotContain("SIGKILL sent");
            assertThat(output.split("started with SIGINT ignored", -1)).as("said once").hasSize(2);
            assertThat(output).contains("devstack: started with SIGINT ignored (as every background job of a script"
                    + " is), so Ctrl-C does not reach devstack; `devstack down` or SIGTERM stops the stack.");
        } finally {
            up.destroyForcibly();
            services.stream().filter(ProcessHandle::isAlive).forEach(service -> Processes.killGroup(service.pid()));
        }
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException unreadable) {
            return new ObjectMapper().missingNode();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException missing) {
            return "";
        }
    }
}
