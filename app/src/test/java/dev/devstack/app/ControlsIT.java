package dev.devstack.app;

import static dev.devstack.app.testing.LiveStack.await;
import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.testing.LiveStack;
import dev.devstack.detect.ConnectProbe;
import dev.devstack.supervisor.config.Selection;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user asks of one service from the dashboard, with real processes: stop, start, restart, kill. */
class ControlsIT {

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

    private Supervisor up(String yaml, boolean interactive) {
        return stack.up(yaml, new UpOptions(Selection.DEFAULT, false, interactive, false));
    }

    @Test
    void aStoppedServiceStaysStoppedDespiteItsRestartPolicyAndStartsAgainOnItsPortWhenAsked() throws Exception {
        Supervisor supervisor = up("""
                services:
                  api: { command: "%s", restart: always, backoff: 0 }
                  other: { command: "%s" }
                """.formatted(service("--listen"), service("--listen")), false);
        ServiceSnapshot first = await(supervisor, "api", ServiceState.READY);
        await(supervisor, "other", ServiceState.READY);
        long pid = first.pid().orElseThrow();
        int port = first.ports().get(0);

        supervisor.stopService("api", Optional.empty());

        ServiceSnapshot stopped = await(supervisor, "api", ServiceState.STOPPED);
        assertThat(DetailText.of(stopped.detail())).isEqualTo("stopped by devstack (SIGTERM)");
        Await.until(WAIT, "api's process to end", () -> !Processes.alive(pid));
        assertThat(new ConnectProbe(200).accepts(port)).isFalse();
        assertThat(supervisor.snapshot().service("other").orElseThrow().state()).isEqualTo(ServiceState.READY);

        supervisor.startService("api");

        ServiceSnapshot again = await(supervisor, "api", ServiceState.READY);
        assertThat(again.pid().orElseThrow()).isNotEqualTo(pid);
        assertThat(again.ports()).containsExactly(port);
        assertThat(new ConnectProbe(200).accepts(port)).isTrue();
    }

    @Test
    void restartReplacesTheProcessAndCountsIt() {
        Supervisor supervisor = up("services:\n  api: { command: \"%s\" }\n".formatted(service("--listen")), false);
        long pid = await(supervisor, "api", ServiceState.READY).pid().orElseThrow();

        supervisor.restartService("api");

        Await.until(WAIT, "api ready from a new process", () -> {
            ServiceSnapshot now = supervisor.snapshot().service("api").orElseThrow();
            return now.state() == ServiceState.READY && now.pid().orElseThrow() != pid;
        });
        assertThat(Processes.alive(pid)).isFalse();
        assertThat(supervisor.snapshot().service("api").orElseThrow().restarts()).isEqualTo(1);
    }

    @Test
    void killEndsTheWholeGroupWithSigkillAndSaysSo() {
        Supervisor supervisor = up("services:\n  api: { command: \"%s & %s\", stop_timeout: 60s }\n"
                .formatted(service("--delay 1000"), service("--listen")), false);
        long pid = await(supervisor, "api", ServiceState.READY).pid().orElseThrow();
        List<Long> group = Await.value(WAIT, "both processes of api's group",
                () -> Processes.group(pid).size() >= 3 ? Processes.group(pid) : null);

        supervisor.killService("api");

        ServiceSnapshot killed = await(supervisor, "api", ServiceState.STOPPED);
        assertThat(DetailText.of(killed.detail())).isEqualTo("killed by devstack (SIGKILL)");
        Await.until(WAIT, "every process of the group to end", () -> group.stream().noneMatch(Processes::alive));
    }

    @Test
    void restartingAFailedDependencyUnblocksWhatWaitedForIt() {
        Supervisor supervisor = up("""
                services:
                  db: { command: "test -f db-ok || exit 3; exec %s" }
                  api: { command: "%s", depends_on: { db: ready } }
                """.formatted(service("--listen"), service("--listen")), true);
        await(supervisor, "db", ServiceState.CRASHED);
        assertThat(DetailText.of(await(supervisor, "api", ServiceState.BLOCKED).detail())).contains("waits for db");
        stack.project().write("db-ok", "");

        supervisor.restartService("db");

        await(supervisor, "db", ServiceState.READY);
        await(supervisor, "api", ServiceState.READY);
    }

    @Test
    void anInteractiveStackStaysOpenWhenEverythingEndedAndFinishesOnlyWhenStopped() throws Exception {
        Supervisor supervisor = up("services:\n  job: { command: \"%s\", port: none }\n"
                .formatted(service("--exit 0")), true);
        await(supervisor, "job", ServiceState.EXITED);

        supervisor.startService("job");
        Await.until(WAIT, "job to have run twice", () -> stack.events().stream()
                .filter(e -> e instanceof StackEvent.StateChanged c && c.state() == ServiceState.EXITED).count() == 2);
        assertThat(supervisor.finished()).isNotDone();

        StackOutcome outcome = supervisor.stop().get(10, TimeUnit.SECONDS);

        assertThat(outcome.stopRequested()).isTrue();
    }

    @Test
    void aRequestThatMakesNoSenseIsAnsweredWithANotice() {
        Supervisor supervisor = up("services:\n  api: { command: \"%s\" }\n".formatted(service("--listen")), false);
        await(supervisor, "api", ServiceState.READY);

        supervisor.startService("api");
        supervisor.restartService("nope");

        Await.until(WAIT, "both answers", () -> stack.notices("api").contains("is ready already")
                && stack.notices("").contains("there is no service named nope"));
    }
}
