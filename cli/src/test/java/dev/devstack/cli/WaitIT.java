package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.RunStateFile;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `devstack wait` and `devstack status` against a stack another `up` runs, as a CI script uses them. */
class WaitIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    @Test
    void withoutAStackStatusAndWaitSayHowToStartOneWith7() {
        new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--listen")));

        DevstackProcess.Result status = InProcessDevstack.run(projectDir, home, "status");
        DevstackProcess.Result json = InProcessDevstack.run(projectDir, home, "status", "--json");
        DevstackProcess.Result wait = InProcessDevstack.run(projectDir, home, "wait");

        for (DevstackProcess.Result result : new DevstackProcess.Result[] {status, json, wait}) {
            assertThat(result.exitCode()).isEqualTo(7);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).isEqualTo("devstack: no stack runs here (" + projectDir
                    + "); `devstack up` or `devstack up -d` starts one\n");
        }
    }

    @Test
    void waitReturnsWhenServicesAreThereAndSaysWhoFailedOrWasNotThereInTime() throws Exception {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: "%s" }
                  migrate: { command: "%s", port: none, oneshot: true }
                  broken: { command: "%s", port: none }
                  never: { command: "%s" }
                """.formatted(service("--delay 2 --listen"), service("--delay 1 --print migrated --exit 0"),
                service("--delay 1 --print giving-up --exit 3"), service("--print not-listening")));
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up", "--no-tui")) {
            Await.until(WAIT, "up to publish its state", () -> Files.exists(projectDir.resolve(".devstack/run.json")));
            // right after `up &`, as a CI script does: wait waits for the stack's socket too
            DevstackProcess.Result ready = InProcessDevstack.run(projectDir, home, "wait", "api", "migrate");
            assertThat(ready.exitCode()).as(ready.err()).isZero();
            assertThat(ready.out()).contains("  api: ready (port ", "  migrate: exited (completed)", "api, migrate are ready");
            assertThat(InProcessDevstack.run(projectDir, home, "status").out()).containsPattern("\napi +ready ");

            DevstackProcess.Result completed = InProcessDevstack.run(projectDir, home, "wait", "--for", "completed", "migrate");
            assertThat(completed.exitCode()).as(completed.err()).isZero();
            assertThat(completed.out()).contains("migrate is completed");

            DevstackProcess.Result failed = InProcessDevstack.run(projectDir, home, "wait", "broken", "--timeout", "30s");
            assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(8);
            assertThat(failed.err()).contains("devstack: broken will not be ready: it is crashed (exit 3)",
                    "  broken | giving-up");

            long started = System.nanoTime();
            DevstackProcess.Result late = InProcessDevstack.run(projectDir, home, "wait", "never", "api", "--timeout", "2s");
            assertThat(late.exitCode()).as(late.out() + late.err()).isEqualTo(9);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(20));
            assertThat(late.err()).containsPattern("devstack: the time ran out \\(2s, --timeout\\) before every service was"
                    + " ready; not yet: never \\(running \\(pid \\d+\\)\\)\n");

            DevstackProcess.Result unknown = InProcessDevstack.run(projectDir, home, "wait", "nope");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err()).contains("no service of " + projectDir.getFileName() + " is called nope; it has: api,"
                    + " migrate, broken, never");
            assertThat(up.alive()).as("waiting changes nothing").isTrue();
        }
    }

    @Test
    void statusFallsBackToRunJsonWhenTheSocketDoesNotAnswer() throws Exception {
        new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--listen")));
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up", "--no-tui")) {
            Await.until(WAIT, "up to publish its state", () -> Files.exists(projectDir.resolve(".devstack/run.json")));
            assertThat(InProcessDevstack.run(projectDir, home, "wait", "api").exitCode()).isZero();
            RunStateFile runJson = new RunStateFile(projectDir.resolve(".devstack"));
            Await.until(WAIT, "run.json, which follows the socket by up to 50 ms, to say api is ready",
                    () -> runJson.read().stream().flatMap(state -> state.services().stream())
                            .anyMatch(service -> service.state().equals("ready")));
            try (var sockets = Files.list(home.resolve("control"))) {
                for (Path socket : sockets.toList()) {
                    Files.delete(socket);
                }
            }

            DevstackProcess.Result status = InProcessDevstack.run(projectDir, home, "status");

            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.err()).startsWith("devstack: the stack's control socket does not answer (")
                    .contains("showing what devstack pid " + up.pid() + " last wrote to .devstack/run.json");
            assertThat(status.out()).contains("running, devstack pid " + up.pid()).containsPattern("\napi +ready +\\d+");
        }
    }
}
