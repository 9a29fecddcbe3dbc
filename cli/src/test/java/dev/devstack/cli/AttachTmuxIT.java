package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `devstack attach` in real terminals (tmux) on the example stack run by a `devstack up --no-tui`
 * of its own: a restart from the attached dashboard, d and q-then-d leave the stack running, two
 * dashboards at once show the same, and q-then-s stops it. Needs tmux (`.ci/run` installs it).
 */
class AttachTmuxIT {

    private static final Path REPO = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path home;
    @TempDir
    Path project;
    @TempDir
    Path scratch;

    private final List<Long> seen = new ArrayList<>();
    private int attaches;

    @Test
    void anAttachedDashboardDrivesTheStackAndLeavesItRunningOrStopsIt() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed: the attached dashboard's end-to-end test cannot run");
        for (String file : List.of("ports.yaml", "api.py", "web.py", "worker.py")) {
            Files.copy(REPO.resolve("examples/shop").resolve(file), project.resolve(file));
        }
        try (DevstackProcess up = DevstackProcess.start(project, home, "up", "--no-tui")) {
            try {
                StackSnapshot started = Await.value(WAIT, "the stack up: api and web ready, worker running", () -> {
                    StackSnapshot now = snapshot();
                    return now != null && state(now, "api") == ServiceState.READY && state(now, "web") == ServiceState.READY
                            && state(now, "worker") == ServiceState.RUNNING ? now : null;
                });
                started.services().forEach(s -> seen.add(s.pid().orElseThrow()));
                ServiceSnapshot web = started.service("web").orElseThrow();
                DevstackProcess.Result piped = InProcessDevstack.run(project, home, "attach");
                assertThat(piped.exitCode()).isEqualTo(2);
                assertThat(piped.err()).contains("devstack: attach shows the dashboard, which needs a terminal",
                        "`devstack logs -f`", "`devstack status`");

                long restarted = restartWebThenDetach(web);
                qThenDetach(up);
                twoDashboardsThenStop(up, restarted);
            } finally {
                seen.forEach(Processes::killGroup);
            }
        }
    }

    @Test
    void withoutARunningStackAttachSaysSo() {
        DevstackProcess.Result result = InProcessDevstack.run(project, home, "attach");

        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.err()).isEqualTo("devstack: no stack of " + project + " (default) is running: nothing answers"
                + " on its control socket " + ControlClient.socket(home, project.toString(), "default")
                + "; `devstack up` starts it\n");
        assertThat(result.out()).isEmpty();
    }

    /** The first dashboard: the services, `r` on web (new pid, same port), then `d`. */
    private long restartWebThenDetach(ServiceSnapshot web) throws Exception {
        Path exit = nextExitFile();
        long restarted;
        try (Tmux tmux = attach(exit)) {
            String screen = tmux.await(WAIT, "the attached dashboard, drawn whole", s -> s.contains("2 ready · 1 running")
                    && s.contains("d detach  q quit"));
            assertThat(screen).contains("devstack · shop (default) · attached · 3 services", "SERVICE", "logs: api");

            tmux.sendKeys("Down");
            tmux.await(WAIT, "web's logs", s -> s.contains("logs: web"));
            tmux.sendKeys("r");

            ServiceSnapshot again = Await.value(WAIT, "web ready under a new pid", () -> {
                ServiceSnapshot now = snapshot().service("web").orElseThrow();
                return now.state() == ServiceState.READY && now.pid().orElse(web.pid().orElseThrow())
                        != web.pid().orElseThrow() ? now : null;
            });
            restarted = again.pid().orElseThrow();
            seen.add(restarted);
            assertThat(again.ports()).as("web's port").isEqualTo(web.ports());
            long pid = restarted;
            tmux.await(WAIT, "web's new pid on the attached dashboard", s -> s.lines()
                    .anyMatch(line -> line.contains(" web ") && line.contains("● ready") && line.contains(" " + pid + " ")));
            tmux.await(WAIT, "who asked, in web's logs", s -> s.contains("restart asked by `devstack attach` (pid "));

            tmux.sendKeys("d");

            tmux.await(WAIT, "attach's exit", s -> s.contains("devstack: detached from shop (default); it goes on running")
                    && written(exit));
            assertThat(Files.readString(exit).strip()).isEqualTo("0");
        }
        assertRunning();
        return restarted;
    }

    /** Attached again: `q` asks, `d` answers: the stack goes on. */
    private void qThenDetach(DevstackProcess up) throws Exception {
        Path exit = nextExitFile();
        try (Tmux tmux = attach(exit)) {
            tmux.await(WAIT, "the attached dashboard", s -> s.contains("2 ready · 1 running"));

            tmux.sendKeys("q");
            tmux.await(WAIT, "the question", s -> s.contains(
                    "stop the stack and its 3 running services, or only detach? (s stops, d detaches)"));
            tmux.sendKeys("d");

            tmux.await(WAIT, "attach's exit", s -> s.contains("devstack: detached from shop (default)") && written(exit));
            assertThat(Files.readString(exit).strip()).isEqualTo("0");
        }
        assertThat(up.alive()).as("devstack up").isTrue();
        assertRunning();
    }

    /** Two dashboards at once: a restart of api from one shows on both; `q` then `s` on the other stops the stack. */
    private void twoDashboardsThenStop(DevstackProcess up, long web) throws Exception {
        Path firstExit = nextExitFile();
        Path secondExit = nextExitFile();
        try (Tmux first = attach(firstExit); Tmux second = attach(secondExit)) {
            first.await(WAIT, "the first dashboard", s -> s.contains("2 ready · 1 running"));
            second.await(WAIT, "the second dashboard", s -> s.contains("2 ready · 1 running"));
            long api = snapshot().service("api").orElseThrow().pid().orElseThrow();

            first.sendKeys("r");

            long restarted = Await.value(WAIT, "api ready under a new pid", () -> {
                ServiceSnapshot now = snapshot().service("api").orElseThrow();
                return now.state() == ServiceState.READY && now.pid().orElse(api) != api ? now.pid().orElseThrow() : null;
            });
            seen.add(restarted);
            for (Tmux tmux : List.of(first, second)) {
                tmux.await(WAIT, "api's new pid on both dashboards", s -> s.lines().anyMatch(line -> line.contains(" api ")
                        && line.contains("● ready") && line.contains(" " + restarted + " "))
                        && s.lines().anyMatch(line -> line.contains(" web ") && line.contains(" " + web + " ")));
            }

            second.sendKeys("q");
            second.await(WAIT, "the question", s -> s.contains("or only detach? (s stops, d detaches)"));
            second.sendKeys("s");

            for (Tmux tmux : List.of(first, second)) {
                Path exit = tmux == first ? firstExit : secondExit;
                tmux.await(WAIT, "attach's exit once the stack stopped", s -> s.contains("devstack: shop (default) stopped;"
                        + " every line its services printed is in " + project.resolve(".devstack/logs") + "/") && written(exit));
                assertThat(Files.readString(exit).strip()).isEqualTo("0");
            }
        }
        DevstackProcess.Result result = up.awaitExit(WAIT);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("stop of the stack asked by `devstack attach` (pid ");
        Await.until(WAIT, "every service process to be gone", () -> seen.stream().noneMatch(Processes::alive));
    }

    private Tmux attach(Path exit) {
        return new Tmux(120, 32, "cd '" + REPO + "' && env DEVSTACK_HOME='" + home + "' LANG=C.UTF-8 ./devstack -C '"
                + project + "' attach; echo $? > '" + exit + "'; sleep 600");
    }

    private Path nextExitFile() {
        return scratch.resolve("exit-" + ++attaches);
    }

    /** Every service still runs under the pid it had last. */
    private void assertRunning() throws IOException {
        StackSnapshot now = snapshot();
        assertThat(now).as("the stack's snapshot").isNotNull();
        for (ServiceSnapshot service : now.services()) {
            assertThat(service.state()).as(service.name()).isIn(ServiceState.READY, ServiceState.RUNNING);
            assertThat(Processes.alive(service.pid().orElseThrow())).as(service.name() + "'s process").isTrue();
        }
    }

    /** The stack's snapshot through its control socket; null while nothing answers there. */
    private StackSnapshot snapshot() {
        Path socket = ControlClient.socket(home, project.toString(), "default");
        try (ControlClient client = ControlClient.connect(socket, "AttachTmuxIT")) {
            return client.snapshot().snapshot();
        } catch (ControlClient.NotRunning notYet) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServiceState state(StackSnapshot snapshot, String service) {
        return snapshot.service(service).map(ServiceSnapshot::state).orElse(ServiceState.PENDING);
    }

    /** True once the shell has written its line to {@code file} (it exists, empty, a moment before). */
    private static boolean written(Path file) {
        try {
            return Files.readString(file).endsWith("\n");
        } catch (IOException notYet) {
            return false;
        }
    }
}
