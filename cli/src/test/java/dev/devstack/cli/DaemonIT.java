package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.store.MapDbLeaseRegistry;
import dev.devstack.store.ProcessRecord;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that double-forks a daemon (which leaves the session and keeps the output pipes)
 * and exits 0: the daemon is the service, shown with its own pid, and it ends on Ctrl-C, on
 * `down`, and after a SIGKILL of devstack at the next `down` or `up`.
 */
class DaemonIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    private TestProject project;
    private long daemon;
    /** Every daemon seen, to end it whatever happens (by handle: a pid may be reused once it ended). */
    private final List<ProcessHandle> seen = new ArrayList<>();

    @BeforeEach
    void project() {
        project = new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--daemonize 0 --setsid --pidfile api.pid --print serving --listen")));
    }

    @AfterEach
    void endTheDaemons() {
        seen.forEach(ProcessHandle::destroyForcibly);
    }

    /** Waits until `ports` shows the daemon (not the command that forked it) as the ready api; returns its port. */
    private int awaitTheDaemon() {
        daemon = Await.value(WAIT, "the daemon's pidfile", () -> project.exists("api.pid")
                && project.read("api.pid").endsWith("\n") ? Long.parseLong(project.read("api.pid").strip()) : null);
        ProcessHandle.of(daemon).ifPresent(seen::add);
        JsonNode api = Await.value(WAIT, "ports to show the daemon as the ready api", () -> {
            JsonNode service = ports().path("services").get(0);
            return "ready".equals(service.path("state").asText()) && service.path("pid").asLong() == daemon
                    ? service : null;
        });
        return api.path("port").asInt();
    }

    @Test
    void ctrlCEndsTheDaemon() {
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            awaitTheDaemon();

            up.signal("INT");

            DevstackProcess.Result result = up.awaitExit(WAIT);
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(Processes.alive(daemon)).isFalse();
            assertThat(result.out()).contains("api: stopped by devstack (SIGTERM)").doesNotContain("pipes are still open");
        }
    }

    @Test
    void downEndsTheDaemon() {
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            awaitTheDaemon();

            DevstackProcess.Result down = DevstackProcess.run(projectDir, home, "down");

            assertThat(down.exitCode()).as(down.err()).isZero();
            assertThat(up.awaitExit(WAIT).exitCode()).isZero();
            Await.until(WAIT, "the daemon to be gone", () -> !Processes.alive(daemon));
        }
    }

    @Test
    void afterASigkillOfDevstackDownEndsTheDaemon() {
        killDevstackOnceTheDaemonIsRecorded();
        assertThat(Processes.alive(daemon)).as("out of reach of the lifeline").isTrue();
        assertThat(ports().path("orphaned").asBoolean()).isTrue();

        DevstackProcess.Result down = DevstackProcess.run(projectDir, home, "down");

        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out()).contains("ended a leftover of an earlier run: api (pid " + daemon);
        Await.until(WAIT, "the daemon to be gone", () -> !Processes.alive(daemon));
    }

    @Test
    void afterASigkillOfDevstackTheNextUpEndsTheDaemonAndKeepsThePort() {
        int port = killDevstackOnceTheDaemonIsRecorded();
        long first = daemon;

        try (DevstackProcess again = DevstackProcess.start(projectDir, home, "up")) {
            again.awaitOutput("ended what an earlier devstack of this project left running: ", WAIT);
            Await.until(WAIT, "the first daemon to be gone", () -> !Processes.alive(first));
            project.write("api.pid", "");
            assertThat(awaitTheDaemon()).isEqualTo(port);
            assertThat(again.out()).contains("api: port " + port + " (same as last time)");
        }
    }

    @Test
    void aQuietDaemonInTheServicesGroupIsEndedByItsLifelineWhenDevstackIsKilled() {
        project.write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--daemonize 0 --pidfile api.pid --quiet --listen")));
        DevstackProcess up = DevstackProcess.start(projectDir, home, "up");
        try {
            awaitTheDaemon();

            up.signal("KILL");
            up.awaitExit(WAIT);

            Await.until(WAIT, "the lifeline to end the daemon", () -> !Processes.alive(daemon));
        } finally {
            up.close();
        }
    }

    /**
     * Starts the stack and, once the registry has recorded the daemon, kills devstack with SIGKILL;
     * returns the port. The usual clean-up of a {@link DevstackProcess}, which would end the
     * daemon, runs only when something went wrong.
     */
    private int killDevstackOnceTheDaemonIsRecorded() {
        DevstackProcess up = DevstackProcess.start(projectDir, home, "up");
        try {
            int port = awaitTheDaemon();
            MapDbLeaseRegistry registry = new MapDbLeaseRegistry(home, WAIT, warning -> { }, Clock.systemUTC());
            Await.until(WAIT, "the registry to record the daemon", () -> registry.read(view -> view.processes().stream()
                    .map(ProcessRecord::pid).anyMatch(pid -> pid == daemon)));
            up.signal("KILL");
            up.awaitExit(WAIT);
            return port;
        } catch (RuntimeException | AssertionError e) {
            up.close();
            throw e;
        }
    }

    private JsonNode ports() {
        return DevstackProcess.ports(projectDir, home);
    }
}
