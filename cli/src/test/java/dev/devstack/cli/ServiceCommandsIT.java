package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `devstack restart|stop|start|kill SERVICE…` and `down` against a real `up --no-tui`, checked
 * through the stack's own socket (pids, ports, states), its output and the processes themselves.
 */
class ServiceCommandsIT {

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    @BeforeEach
    void project() {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: "%s" }
                  web: { command: "%s", depends_on: [api] }
                  worker: { command: "%s", port: none, ready: { log: "working" } }
                """.formatted(service("--print api-up --listen"), service("--print web-up --listen"),
                service("--print working")));
    }

    private DevstackProcess.Result devstack(String... args) {
        return InProcessDevstack.run(projectDir, home, args);
    }

    @Test
    void restartGivesTheServiceANewPidOnTheSamePortAndTheStackSaysWhoAsked() {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home)) {
            ServiceSnapshot before = stack.service("web");
            long api = stack.service("api").pid().orElseThrow();

            DevstackProcess.Result restart = devstack("restart", "web");

            assertThat(restart.exitCode()).as(restart.err()).isZero();
            assertThat(restart.out()).isEqualTo("web: restart asked\n");
            ServiceSnapshot after = Await.value(BackgroundUp.WAIT, "web ready with a new pid", () -> {
                ServiceSnapshot web = stack.service("web");
                return web.state() == ServiceState.READY && !web.pid().equals(before.pid()) ? web : null;
            });
            assertThat(after.ports()).isEqualTo(before.ports());
            assertThat(Processes.alive(before.pid().orElseThrow())).isFalse();
            assertThat(stack.service("api").pid().orElseThrow()).as("api untouched").isEqualTo(api);
            stack.up().awaitOutput("web: restart asked by `devstack restart` (pid " + ProcessHandle.current().pid() + ")",
                    BackgroundUp.WAIT);
        }
    }

    @Test
    void restartWithoutANameRestartsEveryService() {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home)) {
            long worker = stack.service("worker").pid().orElseThrow();

            DevstackProcess.Result restart = devstack("restart");

            assertThat(restart.exitCode()).as(restart.err()).isZero();
            assertThat(restart.out()).isEqualTo("api: restart asked\nweb: restart asked\nworker: restart asked\n");
            Await.until(BackgroundUp.WAIT, "worker to run again with a new pid", () -> {
                ServiceSnapshot now = stack.service("worker");
                return now.state() == ServiceState.READY && now.pid().orElse(worker) != worker;
            });
        }
    }

    @Test
    void stopStartAndKillTakeGlobs() {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home)) {
            long api = stack.service("api").pid().orElseThrow();
            long web = stack.service("web").pid().orElseThrow();

            DevstackProcess.Result stop = devstack("stop", "w*");

            assertThat(stop.exitCode()).as(stop.err()).isZero();
            assertThat(stop.out()).isEqualTo("web: stop asked\nworker: stop asked\n");
            stack.await("web", ServiceState.STOPPED);
            stack.await("worker", ServiceState.STOPPED);
            assertThat(Processes.alive(web)).isFalse();
            assertThat(stack.service("api").pid()).hasValue(api);

            DevstackProcess.Result start = devstack("start", "w?b", "work*");

            assertThat(start.exitCode()).as(start.err()).isZero();
            assertThat(start.out()).isEqualTo("web: start asked\nworker: start asked\n");
            long restarted = stack.await("web", ServiceState.READY).pid().orElseThrow();
            stack.await("worker", ServiceState.READY);

            DevstackProcess.Result kill = devstack("kill", "*er", "w?b");

            assertThat(kill.exitCode()).as(kill.err()).isZero();
            assertThat(kill.out()).isEqualTo("web: kill asked\nworker: kill asked\n");
            stack.await("web", ServiceState.STOPPED);
            stack.await("worker", ServiceState.STOPPED);
            assertThat(Processes.alive(restarted)).isFalse();
            assertThat(stack.service("api").pid()).as("api untouched").hasValue(api);
            stack.up().awaitOutput("web: killed by devstack (SIGKILL)", BackgroundUp.WAIT);
            assertThat(stack.up().out()).contains("web: kill asked by `devstack kill` (pid ");
        }
    }

    @Test
    void anUnknownServiceIsRefusedAndNothingChanges() {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home)) {
            long api = stack.service("api").pid().orElseThrow();
            long web = stack.service("web").pid().orElseThrow();

            DevstackProcess.Result restart = devstack("restart", "web", "nope");
            DevstackProcess.Result stop = devstack("stop", "x*");

            assertThat(restart.exitCode()).isEqualTo(1);
            assertThat(restart.out()).isEmpty();
            assertThat(restart.err()).isEqualTo("devstack: no service of this stack is called \"nope\"; it has: api, web,"
                    + " worker\n");
            assertThat(stop.exitCode()).isEqualTo(1);
            assertThat(stop.err()).contains("no service of this stack is called \"x*\"");
            Await.holds(java.time.Duration.ofSeconds(1), "api and web untouched", () ->
                    stack.service("web").pid().orElse(0) == web && stack.service("api").pid().orElse(0) == api
                            && stack.service("web").state() == ServiceState.READY);
            assertThat(stack.up().out()).doesNotContain("asked by `devstack");
        }
    }

    @Test
    void stopStartAndKillWithoutANameAreUsageErrors() {
        for (String command : List.of("stop", "start", "kill")) {
            DevstackProcess.Result result = devstack(command);

            assertThat(result.exitCode()).as(command).isEqualTo(2);
            assertThat(result.err()).as(command).startsWith(command.equals("kill")
                    ? "devstack: Missing required parameter: 'PORT|SERVICE'"
                    : "devstack: name the services to " + command + ", or '*' for every one");
        }
    }

    @Test
    void withoutARunningStackEachCommandSaysSoWithExitSeven() {
        for (List<String> command : List.of(List.of("restart"), List.of("stop", "api"), List.of("start", "*"),
                List.of("kill", "api"), List.of("logs"))) {
            DevstackProcess.Result result = devstack(command.toArray(String[]::new));

            assertThat(result.exitCode()).as("%s", command).isEqualTo(7);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).as("%s", command).isEqualTo("devstack: no stack runs for " + projectDir
                    + " (nothing answers on its control socket); start one with `devstack up`\n");
        }
    }

    @Test
    void downReportsEachServiceAsItStopsAndLeavesNoProcessAndNoSocket() {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home)) {
            List<Long> pids = stack.up().servicePids();
            assertThat(pids).hasSize(3);
            try (DevstackProcess follower = DevstackProcess.start(projectDir, home, "logs", "-f")) {
                follower.awaitOutput("web-up", BackgroundUp.WAIT);

                DevstackProcess.Result down = devstack("down");

                assertThat(down.exitCode()).as(down.err()).isZero();
                assertThat(down.out().lines().toList()).as(down.out()).hasSize(4)
                        .contains("stopped the stack (devstack pid " + stack.up().pid() + ")")
                        .anyMatch(line -> line.startsWith("api: "))
                        .anyMatch(line -> line.startsWith("web: "))
                        .anyMatch(line -> line.startsWith("worker: "));
                assertThat(down.out()).contains("web: stopped by devstack (SIGTERM)");
                assertThat(stack.up().awaitExit(java.time.Duration.ofSeconds(5)).exitCode()).as("up's exit").isZero();
                assertThat(pids).noneMatch(Processes::alive);
                assertThat(pids.stream().flatMap(pid -> Processes.group(pid).stream())).isEmpty();
                assertThat(Files.exists(stack.socket())).as("the socket file").isFalse();
                assertThat(stack.up().out()).contains("stop of the stack asked by `devstack down` (pid "
                        + ProcessHandle.current().pid() + ")");

                DevstackProcess.Result followed = follower.awaitExit(BackgroundUp.WAIT);
                assertThat(followed.exitCode()).isZero();
                assertThat(followed.err()).isEqualTo("devstack: the stack stopped; no more lines will come\n");
            }
            assertThat(devstack("down").out()).isEqualTo("nothing of this project was running\n");
        }
    }

    @Test
    void downFallsBackOnThePidWhenTheSocketDoesNotAnswer() throws Exception {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home)) {
            List<Long> pids = stack.up().servicePids();
            Files.delete(stack.socket());

            DevstackProcess.Result down = devstack("down");

            assertThat(down.exitCode()).as(down.err()).isZero();
            assertThat(down.out()).isEqualTo("stopped the stack (devstack pid " + stack.up().pid() + ")\n");
            assertThat(stack.up().awaitExit(java.time.Duration.ofSeconds(5)).exitCode()).as("up's exit").isZero();
            assertThat(pids).hasSize(3).noneMatch(Processes::alive);
        }
    }
}
