package dev.devstack.app;

import static dev.devstack.app.testing.LiveStack.await;
import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.testing.LiveStack;
import dev.devstack.detect.ConnectProbe;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restart policies with processes that really crash. */
class RestartIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    private LiveStack stack;

    @BeforeEach
    void setUp() {
        stack = new LiveStack(projectDir, home);
    }

    @AfterEach
    void endEverything() {
        stack.close();
    }

    @Test
    void aCrashLoopBacksOffDoublingAndEndsFailedAfterMaxRestartsWhileTheRestKeepsRunning() throws Exception {
        Supervisor supervisor = stack.up("""
                services:
                  crasher: { command: "%s", port: none, restart: on-failure, backoff: 100ms, max_restarts: 3 }
                  steady: { command: "%s" }
                """.formatted(service("--print crashing --exit 1"), service("--listen")));

        ServiceSnapshot failed = await(supervisor, "crasher", ServiceState.FAILED);
        Await.until(WAIT, "every backoff event", () -> stack.details("crasher", ServiceState.BACKOFF).size() == 3);

        assertThat(DetailText.of(failed.detail())).isEqualTo("exit 1; gave up after 3 restarts in a row");
        assertThat(failed.restarts()).isEqualTo(3);
        assertThat(stack.details("crasher", ServiceState.BACKOFF)).containsExactly(
                "exit 1, restart 1 in 0.10s", "exit 1, restart 2 in 0.20s", "exit 1, restart 3 in 0.40s");
        assertThat(stack.details("crasher", ServiceState.RUNNING)).hasSize(4);
        assertThat(supervisor.snapshot().service("steady").orElseThrow().state()).isEqualTo(ServiceState.READY);
        assertThat(supervisor.finished()).isNotDone();
    }

    @Test
    void alwaysRestartsAServiceThatExitedCleanly() {
        Supervisor supervisor = stack.up("""
                services:
                  job: { command: "%s", port: none, restart: always, backoff: 0, max_restarts: 2 }
                """.formatted(service("--exit 0")));

        ServiceSnapshot failed = await(supervisor, "job", ServiceState.FAILED);

        assertThat(DetailText.of(failed.detail())).isEqualTo("exit 0; gave up after 2 restarts in a row");
        assertThat(stack.details("job", ServiceState.BACKOFF)).containsExactly("exit 0, restart 1 in 0s",
                "exit 0, restart 2 in 0s");
    }

    @Test
    void aServiceKilledFromOutsideListensAgainOnItsPortFromANewProcess() throws Exception {
        Supervisor supervisor = stack.up("""
                services:
                  api: { command: "%s", restart: on-failure, backoff: 0 }
                """.formatted(service("--listen")));
        ServiceSnapshot first = await(supervisor, "api", ServiceState.READY);
        long pid = first.pid().orElseThrow();
        int port = first.ports().get(0);

        new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).start().waitFor(10, TimeUnit.SECONDS);

        Await.until(WAIT, "api ready again from a new process", () -> {
            ServiceSnapshot now = supervisor.snapshot().service("api").orElseThrow();
            return now.state() == ServiceState.READY && now.pid().isPresent() && now.pid().getAsLong() != pid;
        });
        assertThat(new ConnectProbe(200).accepts(port)).isTrue();
        assertThat(stack.details("api", ServiceState.BACKOFF))
                .containsExactly("exit 9 (or killed by SIGKILL from outside devstack), restart 1 in 0s");
        assertThat(supervisor.snapshot().service("api").orElseThrow().restarts()).isEqualTo(1);
    }

    @Test
    void noRestartLeavesACrashedServiceCrashed() {
        Supervisor supervisor = stack.up("services:\n  once: { command: \"%s\", port: none }\n"
                .formatted(service("--exit 4")));

        assertThat(DetailText.of(await(supervisor, "once", ServiceState.CRASHED).detail())).isEqualTo("exit 4");
        assertThat(stack.details("once", ServiceState.BACKOFF)).isEmpty();
    }

    @Test
    void stoppingDuringABackoffCancelsTheRestart() throws Exception {
        Supervisor supervisor = stack.up("""
                services:
                  slow: { command: "%s", port: none, restart: on-failure, backoff: 30s }
                """.formatted(service("--exit 1")));
        await(supervisor, "slow", ServiceState.BACKOFF);

        StackOutcome outcome = supervisor.stop().get(10, TimeUnit.SECONDS);

        assertThat(outcome.services().get(0).state()).isEqualTo(ServiceState.STOPPED);
        assertThat(DetailText.of(outcome.services().get(0).detail())).isEqualTo("not restarted: the stack is stopping");
    }
}
