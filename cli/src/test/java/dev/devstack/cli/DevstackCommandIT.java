package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.detect.ConnectProbe;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.ForeignListener;
import dev.devstack.supervisor.testing.FreePorts;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar, run as a user would: exit codes, output, and what is left on the machine afterwards. */
class DevstackCommandIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    private final ConnectProbe connect = new ConnectProbe(200);

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    private JsonNode ports(Path dir) throws IOException {
        DevstackProcess.Result result = DevstackProcess.run(dir, home, "ports", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return json(result.out());
    }

    /**
     * `devstack ports --json` run in this JVM, for the waits that ask it again and again: a process of
     * its own each time is a JVM start, which is most of what such a wait would take on two cores.
     */
    private JsonNode portsInProcess(Path dir) throws IOException {
        DevstackProcess.Result result = InProcessDevstack.run(dir, home, "ports", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return json(result.out());
    }

    private void awaitAllReady(Path dir, int services) {
        Await.until(WAIT, "every service of " + dir + " to be ready", () -> {
            try {
                JsonNode report = portsInProcess(dir);
                int ready = 0;
                for (JsonNode service : report.path("services")) {
                    ready += service.path("state").asText().equals("ready") ? 1 : 0;
                }
                return report.path("running").asBoolean() && ready == services;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static List<Integer> portsOf(JsonNode report) {
        List<Integer> ports = new ArrayList<>();
        report.path("services").forEach(s -> ports.add(s.path("port").asInt()));
        return ports;
    }

    @Test
    void versionPrintsTheVersion() {
        DevstackProcess.Result result = DevstackProcess.run(projectDir, home, "--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("devstack 0.1.0");
    }

    @Test
    void ctrlCStopsEveryProcessOfTheStackLeavesNothingHeldAndRemembersThePorts() throws Exception {
        TestProject project = new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: "%s" }
                  forker: { command: "sh -c 'sleep 1000 & sleep 1000'", port: none }
                """.formatted(service("--listen")));
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            awaitAllReady(project.dir(), 1);
            JsonNode live = ports(projectDir);
            List<Long> everyProcess = new ArrayList<>();
            for (long pid : up.servicePids()) {
                Await.until(WAIT, "the services' processes", () -> !Processes.group(pid).isEmpty());
                everyProcess.addAll(Processes.group(pid));
            }
            Await.until(WAIT, "the forker's children", () -> everyProcess.size() >= 4 || refresh(up, everyProcess));

            up.signal("INT");
            DevstackProcess.Result result = up.awaitExit(WAIT);

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(everyProcess).hasSizeGreaterThanOrEqualTo(4);
            Await.until(WAIT, "every process to be gone", () -> everyProcess.stream().noneMatch(Processes::alive));
            assertThat(result.out()).contains("stopping the stack", "api: stopped by devstack (SIGTERM)");
            JsonNode after = ports(projectDir);
            assertThat(after.path("running").asBoolean()).isFalse();
            assertThat(after.path("services").get(0).path("state").asText()).isEqualTo("stopped");
            assertThat(after.path("services").get(0).path("port").asInt())
                    .isEqualTo(live.path("services").get(0).path("port").asInt());
            assertThat(Files.exists(projectDir.resolve(".devstack/run.json"))).isFalse();
        }
    }

    private static boolean refresh(DevstackProcess up, List<Long> everyProcess) {
        everyProcess.clear();
        up.servicePids().forEach(pid -> everyProcess.addAll(Processes.group(pid)));
        return everyProcess.size() >= 4;
    }

    @Test
    void whenTheSupervisorIsKilledWithSigkillEveryServiceEndsWithinTwoSecondsOnItsOwn() throws Exception {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: "%s" }
                  web: { command: "%s", depends_on: [api] }
                  forker: { command: "sh -c 'sleep 1000 & sleep 1000'", port: none }
                """.formatted(service("--listen"), service("--listen")));
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            awaitAllReady(projectDir, 2);
            List<Long> everyProcess = Await.value(WAIT, "all service processes and their lifelines", () -> {
                List<Long> all = new ArrayList<>();
                up.servicePids().forEach(pid -> all.addAll(Processes.group(pid)));
                return up.servicePids().size() == 3 && all.size() == 2 + 2 + 4 ? all : null; // each with its lifeline
            });

            up.signal("KILL");
            up.awaitExit(WAIT);

            Await.until(Duration.ofSeconds(2), "every process of the stack to end after SIGKILL of devstack",
                    () -> everyProcess.stream().noneMatch(Processes::alive));
        }
    }

    @Test
    void whenTheSupervisorIsKilledWithSigkillServicesUnderATerminalOrReadingTheirInputEndToo() throws Exception {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  repl: { command: "sh -c 'sleep 1000 & sleep 1000'", port: none, tty: true }
                  reader: { command: "sh -c 'while read -r l; do :; done; sleep 1000'", port: none }
                """);
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            List<Long> everyProcess = Await.value(WAIT, "both services, their children and their lifelines", () -> {
                List<Long> all = new ArrayList<>();
                up.servicePids().forEach(pid -> all.addAll(Processes.group(pid)));
                return up.servicePids().size() == 2 && all.size() == 4 + 2 ? all : null;
            });

            up.signal("KILL");
            up.awaitExit(WAIT);

            Await.until(Duration.ofSeconds(2), "every process of the stack to end after SIGKILL of devstack",
                    () -> everyProcess.stream().noneMatch(Processes::alive));
        }
    }

    @Test
    void aSecondCtrlCKillsWhatIsStillStoppingAtOnce() throws Exception {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  stubborn:
                    command: "sh -c 'trap \\"\\" TERM; while true; do sleep 1; done'"
                    port: none
                    stop_timeout: 60s
                """);
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            long pid = Await.value(WAIT, "stubborn's pid in run.json",
                    () -> up.servicePids().stream().findFirst().orElse(null));

            up.signal("INT");
            up.awaitOutput("stubborn: stopping: SIGTERM sent, SIGKILL in 60s", WAIT);
            assertThat(Processes.group(pid)).as("ignores SIGTERM").isNotEmpty();
            up.signal("INT");
            DevstackProcess.Result result = up.awaitExit(Duration.ofSeconds(10));

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("stopping again: killing what is left with SIGKILL",
                    "stubborn: killed by devstack (SIGKILL)");
            assertThat(Processes.group(pid)).isEmpty();
        }
    }

    @Test
    void twoProjectsStartedAtTheSameInstantGetDisjointPortsAndBothComeUp() throws Exception {
        int base = FreePorts.next();
        StringBuilder yaml = new StringBuilder("services:\n");
        for (int i = 0; i < 5; i++) {
            yaml.append("  s").append(i).append(": { command: \"").append(service("--listen")).append("\", port: ")
                    .append(base + i > 65535 ? 40000 + i : base + i).append(" }\n");
        }
        Path first = Files.createDirectories(projectDir.resolve("checkout-a"));
        Path second = Files.createDirectories(projectDir.resolve("checkout-b"));
        new TestProject(first).write("ports.yaml", yaml.toString());
        new TestProject(second).write("ports.yaml", yaml.toString());

        try (DevstackProcess a = DevstackProcess.start(first, home, "up");
             DevstackProcess b = DevstackProcess.start(second, home, "up")) {
            awaitAllReady(first, 5);
            awaitAllReady(second, 5);

            List<Integer> portsA = portsOf(ports(first));
            List<Integer> portsB = portsOf(ports(second));
            Set<Integer> all = new HashSet<>(portsA);
            all.addAll(portsB);
            assertThat(all).as("ports of both copies: %s and %s", portsA, portsB).hasSize(10);
            assertThat(all).allMatch(connect::accepts);
        }
    }

    @Test
    void portsShowsLivePidsAndStatesAndPrintsJsonAndEnvLines() throws Exception {
        new TestProject(projectDir).write("ports.yaml", """
                project: live
                services:
                  api: { command: "%s", ports: { admin: auto } }
                  worker: { command: "%s", port: none, depends_on: { api: started } }
                """.formatted(service("--listen"), service("")));
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            awaitAllReady(projectDir, 1);
            Await.until(WAIT, "worker running", () -> up.servicePids().size() == 2);

            JsonNode report = ports(projectDir);
            assertThat(report.path("schema_version").asInt()).isEqualTo(1);
            assertThat(report.path("project").asText()).isEqualTo("live");
            assertThat(report.path("supervisor_pid").asLong()).isEqualTo(up.pid());
            JsonNode api = report.path("services").get(0);
            JsonNode worker = report.path("services").get(1);
            assertThat(Processes.alive(api.path("pid").asLong())).isTrue();
            assertThat(api.path("url").asText()).isEqualTo("http://127.0.0.1:" + api.path("port").asInt());
            assertThat(api.path("ports").path("admin").asInt()).isPositive();
            assertThat(worker.path("state").asText()).isEqualTo("running");
            assertThat(worker.path("port").isNull()).isTrue();

            String table = DevstackProcess.run(projectDir, home, "ports").out();
            assertThat(table).contains("running, devstack pid " + up.pid())
                    .containsPattern("api +" + api.path("port").asInt() + " admin=\\d+ +ready +" + api.path("pid").asLong());

            String env = DevstackProcess.run(projectDir, home, "ports", "--dotenv").out();
            assertThat(env.lines()).containsExactly(
                    "API_PORT=" + api.path("port").asInt(),
                    "API_PORTS=" + api.path("port").asInt(),
                    "API_HOST=127.0.0.1",
                    "API_URL=http://127.0.0.1:" + api.path("port").asInt(),
                    "API_PORT_ADMIN=" + api.path("ports").path("admin").asInt());
        }
    }

    @Test
    void aStrictPortHeldByAnotherProcessExitsWithThreeAndNamesIt() throws Exception {
        int port = FreePorts.next();
        new TestProject(projectDir).write("ports.yaml",
                "services:\n  db: { command: \"%s\", port: %d, strict: true }\n".formatted(service("--listen"), port));
        try (ForeignListener holder = ForeignListener.on(port)) {
            DevstackProcess.Result result = DevstackProcess.run(projectDir, home, "up");

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.err()).contains("`db` needs port " + port + ", which is in use by pid " + holder.pid())
                    .doesNotContain("Exception");
        }
    }

    @Test
    void aSecondUpOfTheSameProjectIsRefusedWithFour() throws Exception {
        new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--listen")));
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            awaitAllReady(projectDir, 1);

            DevstackProcess.Result second = DevstackProcess.run(projectDir, home, "up");

            assertThat(second.exitCode()).isEqualTo(4);
            assertThat(second.err()).contains("is already running", "devstack pid " + up.pid(), "`devstack down` stops it",
                    "`devstack attach` shows its dashboard");
        }
    }

    @Test
    void aSecondUpAfterCtrlCGetsTheSamePorts() throws Exception {
        new TestProject(projectDir).write("ports.yaml", "services:\n  a: { command: \"%s\" }\n  b: { command: \"%s\" }\n"
                .formatted(service("--listen"), service("--listen")));
        List<Integer> first;
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            awaitAllReady(projectDir, 2);
            first = portsOf(ports(projectDir));
            up.signal("INT");
            assertThat(up.awaitExit(WAIT).exitCode()).isZero();
        }
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            awaitAllReady(projectDir, 2);

            assertThat(portsOf(ports(projectDir))).isEqualTo(first);
            assertThat(up.out()).contains("a: port " + first.get(0) + " (same as last time)");
            up.signal("TERM");
            assertThat(up.awaitExit(WAIT).exitCode()).isZero();
        }
    }

    @Test
    void upWithServiceNamesStartsThemAndTheirDependenciesOnly() throws Exception {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: "%s" }
                  web: { command: "%s", depends_on: [api] }
                  worker: { command: "%s", port: none }
                """.formatted(service("--listen"), service("--listen"), service("")));
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up", "web")) {
            awaitAllReady(projectDir, 2);

            JsonNode report = ports(projectDir);
            assertThat(report.path("services")).extracting(s -> s.path("name").asText() + " " + s.path("state").asText())
                    .containsExactly("api ready", "web ready", "worker not in this run");
            assertThat(up.out()).doesNotContain("worker:");
        }
        DevstackProcess.Result unknown = DevstackProcess.run(projectDir, home, "up", "wrker");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("there is no service `wrker` in ports.yaml; did you mean `worker`?");
    }

    @Test
    void withExitOnFailureUpEndsWithItsOwnCodeAndNamesTheServiceThatFailedWithItsExitCode() {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  tests: { command: "%s", port: none }
                  api: { command: "%s" }
                """.formatted(service("--delay 0.5 --exit 3"), service("--listen")));

        DevstackProcess.Result result = DevstackProcess.run(projectDir, home, "up", "--exit-on-failure");

        assertThat(result.exitCode()).as("a service's exit code 3 would read as `a port is taken`: %s", result.err())
                .isEqualTo(8);
        assertThat(result.err()).contains("devstack: tests failed (exit 3) and exit_on_failure is set");
        assertThat(result.out()).contains("tests: failed, and exit_on_failure is set: stopping the stack",
                "api: stopped by devstack (SIGTERM)");
    }

    @Test
    void whenEveryServiceHasEndedAndOneFailedUpEndsWithItsOwnCodeAndNamesIt() {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  migrate: { command: "%s", port: none }
                  tests: { command: "%s", port: none }
                """.formatted(service("--exit 0"), service("--delay 0.3 --exit 3")));

        DevstackProcess.Result result = DevstackProcess.run(projectDir, home, "up", "--no-tui");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(8);
        assertThat(result.err()).contains("devstack: tests crashed (exit 3)",
                "every service has ended and not all succeeded; `up` exits with 8").doesNotContain("migrate");
    }

    @Test
    void aCrashLoopShowsAsFailedInPorts() throws Exception {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  crasher: { command: "%s", port: none, restart: on-failure, backoff: 0, max_restarts: 2 }
                  api: { command: "%s" }
                """.formatted(service("--exit 1"), service("--listen")));
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            up.awaitOutput("crasher: failed: exit 1; gave up after 2 restarts in a row", WAIT);
            JsonNode crasher = Await.value(WAIT, "the crash loop to end in failed", () -> {
                try {
                    JsonNode service = ports(projectDir).path("services").get(0);
                    return service.path("state").asText().equals("failed") ? service : null;
                } catch (IOException e) {
                    return null;
                }
            });

            assertThat(crasher.path("pid").isNull()).isTrue();
            assertThat(up.out()).contains("crasher: backoff: exit 1, restart 1 in 0s",
                    "crasher: failed: exit 1; gave up after 2 restarts in a row");
        }
    }

    @Test
    void checkShowsTheOrderAndThePortsWithoutStartingAnything() {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: ./api }
                  web: { command: ./web, depends_on: [api] }
                  worker: { command: ./worker, port: none, depends_on: { web: started } }
                """);

        DevstackProcess.Result result = DevstackProcess.run(projectDir, home, "check");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("ports.yaml is valid: 3 services", "1. api", "2. web (after api is ready)",
                "3. worker (after web is started)", "worker  -      no port").containsPattern("api +\\d+ +free port from");
        assertThat(Files.exists(projectDir.resolve(".devstack"))).isFalse();
    }
}
