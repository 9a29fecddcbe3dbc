package dev.devstack.app;

import static dev.devstack.app.testing.LiveStack.await;
import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.testing.LiveStack;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `started` and `completed` with real processes (`ready` is covered in UpSessionIT), and one-shot tasks. */
class DependencyConditionsIT {

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

    private List<String> changes() {
        return stack.events().stream().filter(e -> e instanceof StackEvent.StateChanged)
                .map(e -> ((StackEvent.StateChanged) e).service() + " " + ((StackEvent.StateChanged) e).state().word())
                .toList();
    }

    @Test
    void startedLetsTheDependentStartBeforeItsDependencyIsReady() {
        Supervisor supervisor = stack.up("""
                services:
                  api: { command: "%s" }
                  watcher: { command: "%s", port: none, depends_on: { api: started } }
                """.formatted(service("--delay 1.5 --listen"), service("--probe API_PORT probe.txt")));

        await(supervisor, "api", ServiceState.READY);
        Await.until(WAIT, "the watcher's probe",
                () -> stack.project().exists("probe.txt") && !stack.project().read("probe.txt").isEmpty());
        Await.until(WAIT, "the event of api being ready", () -> changes().contains("api ready"));

        assertThat(stack.project().read("probe.txt")).as("api was not listening yet when watcher started")
                .isEqualTo("refused");
        List<String> changes = changes();
        assertThat(changes.indexOf("watcher starting")).isLessThan(changes.indexOf("api ready"));
    }

    @Test
    void completedWaitsForAOneShotTaskToSucceed() {
        Supervisor supervisor = stack.up("""
                services:
                  migrate: { command: "%s", port: none, oneshot: true }
                  api: { command: "%s", depends_on: [migrate] }
                """.formatted(service("--delay 0.5 --dump migrated.json --exit 0"),
                service("--dump api.json --listen")));

        ServiceSnapshot migrate = await(supervisor, "migrate", ServiceState.EXITED);
        await(supervisor, "api", ServiceState.READY);

        assertThat(DetailText.of(migrate.detail())).isEqualTo("completed");
        assertThat(stack.project().exists("migrated.json")).isTrue();
        List<String> changes = changes();
        assertThat(changes.indexOf("api starting")).isGreaterThan(changes.indexOf("migrate exited"));
        assertThat(supervisor.finished()).as("a completed task does not end the stack").isNotDone();
    }

    @Test
    void aFailedOneShotTaskBlocksItsDependentsAndShowsItsLastLines() {
        Supervisor supervisor = stack.up("""
                services:
                  migrate: { command: "%s", port: none, oneshot: true }
                  api: { command: "%s", depends_on: [migrate] }
                  other: { command: "%s" }
                """.formatted(service("--print one --print two --print 'no such table: users' --exit 3"),
                service("--listen"), service("--listen")));

        ServiceSnapshot api = await(supervisor, "api", ServiceState.BLOCKED);
        await(supervisor, "other", ServiceState.READY);

        assertThat(DetailText.of(api.detail())).isEqualTo("waits for migrate to complete, but it crashed (exit 3)");
        assertThat(supervisor.snapshot().service("migrate").orElseThrow().state()).isEqualTo(ServiceState.CRASHED);
        Await.until(WAIT, "the failed task's last lines", () -> stack.events().stream()
                .filter(e -> e instanceof StackEvent.Notice n && n.service().equals("migrate"))
                .map(e -> ((StackEvent.Notice) e).message()).toList()
                .equals(List.of("its last 3 lines:", "  one", "  two", "  no such table: users")));
    }
}
