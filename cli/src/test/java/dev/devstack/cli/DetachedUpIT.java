package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `devstack up -d` with the real jar: a stack in the background that outlives its command and its terminal, and `status`. */
class DetachedUpIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SCHEMAS = Path.of(System.getProperty("devstack.repo", "..")).resolve("docs/schema");

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    @Test
    void returnsOnceEveryServiceIsReadyWithThePortsTableAndStatusShowsTheStack() throws Exception {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: "%s" }
                  worker: { command: "%s", port: none }
                  migrate: { command: "%s", port: none, oneshot: true }
                """.formatted(service("--print hello --listen"), service("--print working"),
                service("--delay 1 --print migrated --exit 0")));
        try (DetachedStack stack = new DetachedStack(projectDir, home)) {
            DevstackProcess.Result up = stack.up();

            assertThat(up.exitCode()).as(up.err()).isZero();
            assertThat(up.out()).contains("  api: ready (port ", "  worker: running (pid ", "  migrate: exited (completed)");
            DevstackProcess.Result ports = InProcessDevstack.run(projectDir, home, "ports");
            assertThat(up.out()).as("the table of `devstack ports`").contains(ports.out());
            long supervisor = stack.supervisor().orElseThrow();
            assertThat(Processes.alive(supervisor)).as("the stack runs on after `up -d` exited").isTrue();
            assertThat(Processes.session(supervisor)).as("in a session of its own").isEqualTo(supervisor)
                    .isNotEqualTo(Processes.session(ProcessHandle.current().pid()));
            int port = new ObjectMapper().readTree(InProcessDevstack.run(projectDir, home, "ports", "--json").out())
                    .path("services").get(0).path("port").asInt();
            try (Socket accepted = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(accepted.isConnected()).isTrue();
            }

            DevstackProcess.Result status = InProcessDevstack.run(projectDir, home, "status");
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.err()).isEmpty();
            List<String> lines = status.out().lines().toList();
            assertThat(lines.get(0)).matches(Pattern.quote(projectDir.getFileName() + " ("
                    + projectDir.toRealPath() + "): running, devstack pid " + supervisor + ", web page and HTTP API http://127.0.0.1:")
                    + "\\d+/");
            assertThat(lines.get(1)).startsWith("SERVICE").contains("STATE", "PID", "PORT(S)", "UPTIME", "RESTARTS", "DETAIL");
            long apiPid = stack.servicePids().get(0);
            assertThat(lines.get(2)).matches("api +ready +" + apiPid + " +" + port + " +\\d+s +0 +port " + port
                    + " accepts connections after .*");
            assertThat(lines.get(4)).matches("migrate +exited +- +- +- +0 +completed");

            JsonNode json = valid(InProcessDevstack.run(projectDir, home, "status", "--json").out());
            assertThat(json.path("phase").asText()).isEqualTo("running");
            assertThat(json.path("services").get(0).path("pid").asLong()).isEqualTo(apiPid);
            assertThat(json.path("services").get(0).path("state").asText()).isEqualTo("ready");

            Path log = projectDir.resolve(".devstack/logs/devstack.log");
            assertThat(Files.readString(log)).contains("api: ready");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.getParent()))).isEqualTo("rwx------");
        }
    }

    @Test
    void aSecondUpOfTheRunningStackIsRefusedWith4SayingHowToAttachAndStop() {
        new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--listen")));
        try (DetachedStack stack = new DetachedStack(projectDir, home)) {
            assertThat(stack.up().exitCode()).isZero();
            long supervisor = stack.supervisor().orElseThrow();

            DevstackProcess.Result detached = DevstackProcess.run(projectDir, home, "up", "-d");
            DevstackProcess.Result attached = DevstackProcess.run(projectDir, home, "up", "--no-tui");

            for (DevstackProcess.Result second : List.of(detached, attached)) {
                assertThat(second.exitCode()).as(second.err()).isEqualTo(4);
                assertThat(second.err()).contains("is already running", "devstack pid " + supervisor,
                        "`devstack attach`", "`devstack down` stops it");
            }
            assertThat(stack.supervisor()).hasValue(supervisor);
        }
    }

    @Test
    void aServiceThatFailsEndsItWith8AndItsLastLinesWhileTheStackGoesOn() {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  web: { command: "%s" }
                  api: { command: "%s" }
                """.formatted(service("--listen"), service("--print first-words --print last-words --exit 3")));
        try (DetachedStack stack = new DetachedStack(projectDir, home)) {
            DevstackProcess.Result up = stack.up();

            assertThat(up.exitCode()).as(up.out() + up.err()).isEqualTo(8);
            assertThat(up.out()).contains("  api: crashed (exit 3)");
            assertThat(up.err()).contains("devstack: api will not be ready: it is crashed (exit 3)",
                    "  api | first-words", "  api | last-words", "`devstack down` stops it");
            assertThat(InProcessDevstack.run(projectDir, home, "status").exitCode()).as("the stack goes on").isZero();
        }
    }

    @Test
    void aServiceThatNeverGetsReadyRunsOutTheTimeWith9NamingIt() {
        new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--print not-listening")));
        try (DetachedStack stack = new DetachedStack(projectDir, home)) {
            long started = System.nanoTime();
            DevstackProcess.Result up = stack.up("--timeout", "3s");

            assertThat(up.exitCode()).as(up.out() + up.err()).isEqualTo(9);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            // on a busy machine the background JVM may not even answer within 3 s: the same exit, said otherwise
            assertThat(up.err()).contains("devstack: the time ran out (3s, --timeout) before ");
            if (up.err().contains("before every service was ready")) {
                assertThat(up.err()).containsPattern("not yet: api \\(running \\(pid \\d+\\)\\)");
            }
            Await.until(WAIT, "the stack to go on", () -> stack.supervisor().isPresent());
            stack.remember();
        }
    }

    @Test
    void aBackgroundDevstackThatEndsBeforeAnsweringIsReportedWithItsLastLinesAndExitCode() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             DetachedStack stack = new DetachedStack(projectDir, home)) {
            new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\", port: %d, on_conflict: fail }\n"
                    .formatted(service("--listen"), taken.getLocalPort()));

            DevstackProcess.Result up = stack.up();

            assertThat(up.exitCode()).as(up.out() + up.err()).isEqualTo(3);
            assertThat(up.err()).contains("the background devstack (pid ", ") ended with exit 3; its last lines",
                    String.valueOf(taken.getLocalPort()));
        }
    }

    @Test
    void sigkillOfTheBackgroundDevstackEndsEveryServiceThroughTheLifeline() {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: "%s" }
                  worker: { command: "%s", port: none }
                """.formatted(service("--child --listen"), service("--print working")));
        try (DetachedStack stack = new DetachedStack(projectDir, home)) {
            assertThat(stack.up().exitCode()).isZero();
            List<Long> services = stack.servicePids();
            assertThat(services).hasSize(2).allMatch(Processes::alive);
            List<Long> groupMembers = services.stream().flatMap(pid -> Processes.group(pid).stream()).toList();
            assertThat(groupMembers).as("api's child too").hasSizeGreaterThan(2);

            Processes.kill(stack.supervisor().orElseThrow());

            Await.until(WAIT, "every service process to end", () -> groupMembers.stream().noneMatch(Processes::alive));
        }
    }

    @Test
    void theStackOutlivesTheTerminalThatStartedIt() throws Exception {
        Assumptions.assumeTrue(Tmux.installed(), "tmux is not installed");
        new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--listen")));
        try (DetachedStack stack = new DetachedStack(projectDir, home)) {
            try (Tmux terminal = new Tmux(120, 40, "cd '" + projectDir + "' && DEVSTACK_HOME='" + home + "' '"
                    + String.join("' '", DevstackProcess.command(List.of("up", "-d"))) + "'; echo \"exit $?\"; sleep 600")) {
                terminal.await(WAIT, "up -d to return", screen -> screen.contains("exit "));
                stack.remember();
                assertThat(terminal.screen()).contains("exit 0");
            }
            long supervisor = stack.supervisor().orElseThrow();
            long api = stack.servicePids().get(0);

            Await.holds(Duration.ofSeconds(2), "the stack to run on after its terminal closed",
                    () -> Processes.alive(supervisor) && Processes.alive(api));
            DevstackProcess.Result status = InProcessDevstack.run(projectDir, home, "status");
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.out()).contains("running, devstack pid " + supervisor).containsPattern("api +ready +" + api);
        }
    }

    private static JsonNode valid(String document) throws Exception {
        JsonNode json = new ObjectMapper().readTree(document);
        List<Error> errors;
        try (InputStream schema = Files.newInputStream(SCHEMAS.resolve("stack-snapshot.schema.json"))) {
            Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
            errors = compiled.validate(json);
        }
        assertThat(errors).as("stack-snapshot.schema.json against\n" + document).isEmpty();
        return json;
    }
}
