package dev.devstack.app;

import static dev.devstack.app.testing.LiveStack.await;
import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.testing.LiveStack;
import dev.devstack.supervisor.config.Selection;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stop_signal, stop_command and exit_on_failure with real processes. */
class StopAndFailureIT {

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
    void aStopSignalOtherThanSigtermIsSentAndNamed() throws Exception {
        Supervisor supervisor = stack.up("services:\n  api: { command: \"%s\", stop_signal: SIGINT }\n"
                .formatted(service("--listen")), UpOptions.ALL);
        await(supervisor, "api", ServiceState.READY);

        StackOutcome outcome = supervisor.stop().get(30, TimeUnit.SECONDS);

        assertThat(stack.details("api", ServiceState.STOPPING)).containsExactly("SIGINT sent, SIGKILL in 5s");
        assertThat(DetailText.of(outcome.services().get(0).detail())).startsWith("stopped by devstack (SIGINT)");
    }

    @Test
    void aCommandThatIsAShellBuiltinKeepsItsShell() throws Exception {
        Supervisor supervisor = stack.up("services:\n  task: { command: exit 3, port: none }\n", UpOptions.ALL);

        ServiceSnapshot task = await(supervisor, "task", ServiceState.CRASHED);

        assertThat(DetailText.of(task.detail())).as("not `exec exit 3`: command not found").isEqualTo("exit 3");
    }

    @Test
    void aStopCommandStopsTheServiceInsteadOfASignal() throws Exception {
        Supervisor supervisor = stack.up("""
                services:
                  db:
                    command: "sh -c 'echo $$ > db.pid; exec sleep 1000'"
                    port: none
                    stop_command: "kill -USR1 $(cat db.pid)"
                """, UpOptions.ALL);
        await(supervisor, "db", ServiceState.RUNNING);
        Await.until(WAIT, "the pid file",
                () -> stack.project().exists("db.pid") && !stack.project().read("db.pid").isBlank());

        StackOutcome outcome = supervisor.stop().get(30, TimeUnit.SECONDS);

        assertThat(stack.details("db", ServiceState.STOPPING)).containsExactly("stop_command running, SIGKILL in 5s");
        assertThat(DetailText.of(outcome.services().get(0).detail()))
                .isEqualTo("stopped by devstack (stop_command), exit 10");
    }

    @Test
    void aFailingStopCommandIsFollowedByTheStopSignal() throws Exception {
        Supervisor supervisor = stack.up("services:\n  api: { command: \"%s\", stop_command: \"exit 3\" }\n"
                .formatted(service("--listen")), UpOptions.ALL);
        await(supervisor, "api", ServiceState.READY);

        StackOutcome outcome = supervisor.stop().get(30, TimeUnit.SECONDS);

        assertThat(DetailText.of(outcome.services().get(0).detail())).isEqualTo("stopped by devstack (SIGTERM)");
        Await.until(WAIT, "the fallback to be told", () -> stack.events().stream().anyMatch(e ->
                e instanceof StackEvent.Notice n && n.message().equals("stop_command failed (exit 3); SIGTERM sent")));
    }

    @Test
    void aServiceWithExitOnFailureEndsTheStackWithItsExitCode() throws Exception {
        Supervisor supervisor = stack.up("""
                services:
                  tests: { command: "%s", port: none, exit_on_failure: true }
                  api: { command: "%s" }
                """.formatted(service("--delay 0.5 --exit 7"), service("--listen")), UpOptions.ALL);

        StackOutcome outcome = supervisor.finished().get(30, TimeUnit.SECONDS);

        assertThat(outcome.failure()).contains(new StackOutcome.Failure("tests",
                new ServiceDetail.Ended(new ExitDescription.Natural(7))));
        assertThat(outcome.services()).extracting(ServiceSnapshot::state)
                .containsExactly(ServiceState.CRASHED, ServiceState.STOPPED);
    }

    @Test
    void exitOnFailureForAllMakesAnyFailureEndTheStack() throws Exception {
        Supervisor supervisor = stack.up("""
                services:
                  flaky: { command: "%s", port: none, restart: on-failure, backoff: 0, max_restarts: 1 }
                  api: { command: "%s" }
                """.formatted(service("--exit 4"), service("--listen")), new UpOptions(Selection.DEFAULT, true, false, false));

        StackOutcome outcome = supervisor.finished().get(30, TimeUnit.SECONDS);

        assertThat(outcome.failure()).contains(new StackOutcome.Failure("flaky",
                new ServiceDetail.GaveUp(new ExitDescription.Natural(4), 1)));
        assertThat(DetailText.of(outcome.services().get(0).detail()))
                .isEqualTo("exit 4; gave up after 1 restart in a row");
    }
}
