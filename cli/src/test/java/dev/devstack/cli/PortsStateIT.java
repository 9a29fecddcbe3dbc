package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.store.MapDbLeaseRegistry;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ports` for scripts: the stack's state from the moment `up` begins, the listener's pid, and an exit code for "not running". */
class PortsStateIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    @Test
    void aStoppedStackIsSaidToBeAndRequireRunningExitsWithItsOwnCode() throws Exception {
        new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--listen")));

        DevstackProcess.Result plain = InProcessDevstack.run(projectDir, home, "ports", "--json");
        DevstackProcess.Result required = InProcessDevstack.run(projectDir, home, "ports", "--json", "--require-running");
        DevstackProcess.Result table = InProcessDevstack.run(projectDir, home, "ports", "--require-running");

        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(json(plain.out()).path("state").asText()).isEqualTo("stopped");
        assertThat(required.exitCode()).isEqualTo(7);
        assertThat(json(required.out()).path("running").asBoolean()).isFalse();
        assertThat(table.exitCode()).isEqualTo(7);
        assertThat(table.out()).contains("stopped (no `devstack up` runs it)");
    }

    @Test
    void fromTheMomentUpBeginsPortsSaysStartingThenRunning() throws Exception {
        new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--listen")));
        MapDbLeaseRegistry registry = new MapDbLeaseRegistry(home, WAIT, warning -> { }, Clock.systemUTC());
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> blocker = CompletableFuture.runAsync(() -> registry.update(tx -> {
            holding.countDown();
            try {
                return release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertThat(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            // `up` waits for the registry (which this test holds) at most 10 s: ask `ports` once it has begun
            Await.until(WAIT, "up to publish its state", () -> Files.exists(projectDir.resolve(".devstack/run.json")));
            JsonNode starting = ports(projectDir);
            assertThat(starting.path("state").asText()).as(starting.toString()).isEqualTo("starting");
            assertThat(starting.path("running").asBoolean()).isTrue();
            assertThat(starting.path("supervisor_pid").asLong()).isEqualTo(up.pid());
            assertThat(starting.path("services").get(0).path("state").asText()).isEqualTo("pending");
            DevstackProcess.Result required = InProcessDevstack.run(projectDir, home, "ports", "--require-running");
            assertThat(required.exitCode()).as(required.err()).isZero();

            release.countDown();
            blocker.get(30, TimeUnit.SECONDS);

            Await.until(WAIT, "the stack to be running", () -> "running".equals(ports(projectDir).path("state").asText()));
            assertThat(ports(projectDir).path("services").get(0).path("state").asText()).isEqualTo("ready");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aServiceBehindAWrapperShowsTheListenersPidAndSubfoldersFindTheProject() throws Exception {
        new TestProject(projectDir).write("ports.yaml", "services:\n  web: { command: \"%s; true\" }\n"
                .formatted(service("--listen")));
        Path deep = Files.createDirectories(projectDir.resolve("src/components"));
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            JsonNode web = Await.value(WAIT, "web to be ready with its listener found", () -> {
                JsonNode service = ports(deep).path("services").get(0);
                return "ready".equals(service.path("state").asText()) && service.path("listener_pid").isNumber()
                        ? service : null;
            });

            assertThat(web.path("listener_pid").asLong()).isNotEqualTo(web.path("pid").asLong());
            assertThat(ProcessHandle.of(web.path("listener_pid").asLong()).flatMap(p -> p.parent())
                    .map(ProcessHandle::pid)).as("the wrapper's child listens").contains(web.path("pid").asLong());
            assertThat(InProcessDevstack.run(deep, home, "ports").out())
                    .contains(web.path("pid").asLong() + " (listener " + web.path("listener_pid").asLong() + ")");
        }
    }

    private JsonNode ports(Path dir) {
        try {
            return json(InProcessDevstack.run(dir, home, "ports", "--json").out());
        } catch (IOException e) {
            return new ObjectMapper().missingNode();
        }
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }
}
