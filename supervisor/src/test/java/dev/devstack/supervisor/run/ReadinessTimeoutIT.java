package dev.devstack.supervisor.run;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import dev.devstack.supervisor.testing.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dependency whose port never opens: the wait ends at its deadline, says why, and blocks only its dependents. */
class ReadinessTimeoutIT {

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    @Test
    void aDependencyThatNeverListensBlocksItsDependentsAfterTheTimeoutAndSaysWhy() throws Exception {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  mute: { command: "%s" }
                  web: { command: "%s", depends_on: [mute] }
                  other: { command: "%s" }
                """.formatted(service(""), service("--listen"), service("--listen")));
        List<StackEvent> events = Collections.synchronizedList(new ArrayList<>());

        try (Supervisor supervisor = TestStack.supervisor(projectDir, home, new SupervisorSettings(Duration.ofSeconds(1),
                projectDir.resolve(".devstack/logs"), SupervisorSettings.LOG_MAX_BYTES))) {
            supervisor.subscribe(events::add);
            supervisor.start();
            try {
                Await.until(Duration.ofSeconds(20), "web to be blocked", () ->
                        supervisor.snapshot().service("web").orElseThrow().state() == ServiceState.BLOCKED);
                int port = supervisor.snapshot().service("mute").orElseThrow().ports().get(0);

                assertThat(supervisor.snapshot().service("web").orElseThrow().detail())
                        .isEqualTo("waits for mute, which is not ready after 1s (tcp on " + port + ")");
                assertThat(supervisor.snapshot().service("mute").orElseThrow().state()).isEqualTo(ServiceState.RUNNING);
                Await.until(Duration.ofSeconds(20), "other to be ready", () ->
                        supervisor.snapshot().service("other").orElseThrow().state() == ServiceState.READY);
                String notice = "not ready after 1s (tcp on " + port + "); services that wait for it will not start";
                Await.until(Duration.ofSeconds(20), "the notice: " + notice, () -> new ArrayList<>(events).stream()
                        .anyMatch(e -> e instanceof StackEvent.Notice n && n.message().equals(notice)));

                StackOutcome outcome = supervisor.stop().get(30, TimeUnit.SECONDS);
                assertThat(outcome.stopRequested()).isTrue();
            } finally {
                supervisor.snapshot().services().forEach(s -> s.pid().ifPresent(Processes::killGroup));
            }
        }
    }
}
