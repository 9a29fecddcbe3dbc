package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.store.MapDbLeaseRegistry;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's safety net: a devstack killed with SIGKILL after its lifelines were killed too
 * leaves its services running; `ports` says so, and `down` or the next `up` ends them.
 */
class OrphansIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    private final List<Long> orphans = new ArrayList<>();

    @BeforeEach
    void project() {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: "%s" }
                  forker: { command: "sh -c 'sleep 1000 & sleep 1000'", port: none }
                """.formatted(service("--listen")));
    }

    /**
     * Starts the stack, kills every lifeline and then devstack with SIGKILL; returns the api's
     * port. On success the services are left running on purpose (the tests end them); the usual
     * clean-up of a {@link DevstackProcess} only runs when something went wrong.
     */
    private int orphanTheStack() {
        DevstackProcess up = DevstackProcess.start(projectDir, home, "up");
        try {
            Await.until(WAIT, "both services with their lifelines", () -> {
                orphans.clear();
                up.servicePids().forEach(pid -> orphans.addAll(Processes.group(pid)));
                return up.servicePids().size() == 2 && orphans.size() == 2 + 4;
            });
            MapDbLeaseRegistry registry = new MapDbLeaseRegistry(home, WAIT, warning -> { }, Clock.systemUTC());
            Await.until(WAIT, "the registry to record both services",
                    () -> registry.read(view -> view.processes().size()) == 2);
            int port = ports().path("services").get(0).path("port").asInt();
            List<Long> lifelines = orphans.stream().filter(OrphansIT::isLifeline).toList();
            assertThat(lifelines).hasSize(2);
            lifelines.forEach(OrphansIT::kill9);
            orphans.removeAll(lifelines);
            up.signal("KILL");
            up.awaitExit(WAIT);
            return port;
        } catch (RuntimeException | AssertionError e) {
            up.close();
            throw e;
        }
    }

    @Test
    void downEndsWhatADeadDevstackLeftRunningGrandchildrenIncluded() throws Exception {
        try {
            orphanTheStack();
            assertThat(orphans).as("the services survive their devstack").hasSize(4).allMatch(Processes::alive);
            JsonNode report = Await.value(WAIT, "ports to report the orphans",
                    () -> ports().path("orphaned").asBoolean() ? ports() : null);
            assertThat(report.path("running").asBoolean()).isFalse();
            assertThat(report.path("services").get(0).path("state").asText()).isEqualTo("orphaned");

            DevstackProcess.Result down = DevstackProcess.run(projectDir, home, "down");

            assertThat(down.exitCode()).as(down.err()).isZero();
            assertThat(down.out()).contains("ended a leftover of an earlier run: api (pid ",
                    "ended a leftover of an earlier run: forker (pid ");
            Await.until(WAIT, "the orphans to be gone", () -> orphans.stream().noneMatch(Processes::alive));
            assertThat(ports().path("orphaned").asBoolean()).isFalse();
            assertThat(DevstackProcess.run(projectDir, home, "down").out()).contains("nothing of this project was running");
        } finally {
            orphans.forEach(OrphansIT::kill9);
        }
    }

    @Test
    void theNextUpEndsTheLeftoversAndGetsItsPortsBack() throws Exception {
        try {
            int port = orphanTheStack();

            try (DevstackProcess again = DevstackProcess.start(projectDir, home, "up")) {
                again.awaitOutput("ended what an earlier devstack of this project left running: ", WAIT);
                Await.until(WAIT, "api ready again", () -> "ready".equals(
                        ports().path("services").get(0).path("state").asText()));

                Await.until(WAIT, "the orphans to be gone", () -> orphans.stream().noneMatch(Processes::alive));
                assertThat(ports().path("services").get(0).path("port").asInt()).isEqualTo(port);
                assertThat(again.out()).contains("api: port " + port + " (same as last time)");
            }
        } finally {
            orphans.forEach(OrphansIT::kill9);
        }
    }

    @Test
    void downStopsARunningStackFromAnotherTerminal() throws Exception {
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            Await.until(WAIT, "both services", () -> up.servicePids().size() == 2);
            List<Long> processes = new ArrayList<>();
            up.servicePids().forEach(pid -> processes.addAll(Processes.group(pid)));

            DevstackProcess.Result down = DevstackProcess.run(projectDir, home, "down");

            assertThat(down.out()).contains("stopped the stack (devstack pid " + up.pid() + ")");
            assertThat(up.awaitExit(WAIT).exitCode()).isZero();
            Await.until(WAIT, "its processes to be gone", () -> processes.stream().noneMatch(Processes::alive));
        }
    }

    private JsonNode ports() {
        return DevstackProcess.ports(projectDir, home);
    }

    private static boolean isLifeline(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).contains("devstack-lifeline");
        } catch (IOException gone) {
            return false;
        }
    }

    private static void kill9(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
}
