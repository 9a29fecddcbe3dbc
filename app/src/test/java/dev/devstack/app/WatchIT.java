package dev.devstack.app;

import static dev.devstack.app.testing.LiveStack.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.testing.LiveStack;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `watch:` on a real stack: python3 services restarted (a new pid) when their files change, and only then. */
class WatchIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String APP = "import time\nprint('up', flush=True)\ntime.sleep(3600)\n";

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    private LiveStack stack;

    @BeforeEach
    void setUp() throws IOException {
        stack = new LiveStack(projectDir, home);
        Files.writeString(projectDir.resolve("app.py"), APP);
    }

    @AfterEach
    void endEverything() {
        stack.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("devstack-watch"));
    }

    private Supervisor up(String yaml) {
        Supervisor supervisor = stack.up(yaml);
        Await.until(WAIT, "the watch to be armed", () -> stack.notices("").stream().anyMatch(n -> n.startsWith("watching ")));
        return supervisor;
    }

    private long running(Supervisor supervisor, String service) {
        return await(supervisor, service, ServiceState.RUNNING).pid().orElseThrow();
    }

    /** Waits for the service to run from another process than {@code pid}; returns the new pid. */
    private long restarted(Supervisor supervisor, String service, long pid) {
        Await.until(WAIT, service + " running from a new process", () -> {
            ServiceSnapshot now = supervisor.snapshot().service(service).orElseThrow();
            return now.state() == ServiceState.RUNNING && now.pid().isPresent() && now.pid().getAsLong() != pid;
        });
        return supervisor.snapshot().service(service).orElseThrow().pid().orElseThrow();
    }

    private List<String> restarts(String service) {
        return stack.notices(service).stream().filter(n -> n.startsWith("restarting:")).toList();
    }

    private void write(String file, String text) throws IOException {
        Path path = projectDir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    @Test
    void aChangedFileRestartsTheServiceAndIgnoredOnesDoNot() throws Exception {
        Supervisor supervisor = up("""
                services:
                  web: { command: python3 app.py, port: none, watch: ["*.py"], watch_debounce: 100ms }
                """);
        long first = running(supervisor, "web");

        write("node_modules/pkg/x.py", "ignored folder");
        write(".app.py.swp", "editor swap file");
        write("notes.txt", "not watched");
        write("app.py", APP + "# edited\n");
        long second = restarted(supervisor, "web", first);

        write("pkg/sub/mod.py", "a folder made after the start");
        restarted(supervisor, "web", second);
        assertThat(restarts("web")).containsExactly("restarting: app.py changed (watch)",
                "restarting: pkg/sub/mod.py changed (watch)");
        assertThat(supervisor.snapshot().service("web").orElseThrow().restarts()).isEqualTo(2);
        assertThat(stack.details("web", ServiceState.PENDING)).containsExactly("files it watches changed",
                "files it watches changed");
    }

    @Test
    void aBurstOfTwentyWritesIsOneRestart() throws Exception {
        Supervisor supervisor = up("""
                services:
                  web: { command: python3 app.py, port: none, watch: ["*.py"] }
                """);
        long first = running(supervisor, "web");

        for (int i = 0; i < 20; i++) {
            write("app.py", APP + "# save " + i + "\n");
        }
        long second = restarted(supervisor, "web", first);
        write("marker.py", "a later change");
        restarted(supervisor, "web", second);

        assertThat(restarts("web")).containsExactly("restarting: app.py changed (watch)",
                "restarting: marker.py changed (watch)");
    }

    @Test
    void withCascadeWhatDependsOnTheServiceRestartsTooAndWithoutItNot() throws Exception {
        write("api/app.py", APP);
        write("solo/app.py", APP);
        Supervisor supervisor = up("""
                services:
                  api: { command: python3 app.py, cwd: api, port: none, watch: ["*.py"], watch_cascade: true }
                  worker: { command: python3 ../app.py, cwd: api, port: none, depends_on: [api] }
                  solo: { command: python3 app.py, cwd: solo, port: none, watch: ["*.py"] }
                  client: { command: python3 ../app.py, cwd: solo, port: none, depends_on: [solo] }
                """);
        long api = running(supervisor, "api");
        long worker = running(supervisor, "worker");
        long solo = running(supervisor, "solo");
        long client = running(supervisor, "client");

        write("solo/app.py", APP + "# edited\n");
        restarted(supervisor, "solo", solo);
        write("api/app.py", APP + "# edited\n");
        restarted(supervisor, "api", api);
        restarted(supervisor, "worker", worker);

        assertThat(restarts("worker")).containsExactly("restarting: app.py changed in api (watch_cascade)");
        List<String> order = stack.events().stream()
                .filter(e -> e instanceof StackEvent.StateChanged c && c.service().matches("api|worker"))
                .map(e -> ((StackEvent.StateChanged) e).service() + " " + ((StackEvent.StateChanged) e).state().word())
                .toList();
        assertThat(order.lastIndexOf("worker starting")).as("worker starts again after api runs again: " + order)
                .isGreaterThan(order.lastIndexOf("api running"));
        assertThat(restarts("client")).isEmpty();
        assertThat(supervisor.snapshot().service("client").orElseThrow().pid()).hasValue(client);
    }

    @Test
    void aServiceTheUserStoppedStaysStopped() throws Exception {
        Supervisor supervisor = up("""
                services:
                  stopped: { command: python3 app.py, port: none, watch: ["*.py"] }
                  other: { command: python3 app.py, port: none, watch: ["*.py"] }
                """);
        running(supervisor, "stopped");
        long other = running(supervisor, "other");
        supervisor.stopService("stopped", Optional.of("test"));
        await(supervisor, "stopped", ServiceState.STOPPED);

        write("app.py", APP + "# edited\n");
        restarted(supervisor, "other", other);

        assertThat(supervisor.snapshot().service("stopped").orElseThrow().state()).isEqualTo(ServiceState.STOPPED);
        assertThat(restarts("stopped")).isEmpty();
    }

    @Test
    void aCrashFixedByAnEditRunsAgainAndACompletedTaskRunsAgain() throws Exception {
        write("broken/app.py", "raise SystemExit(3)\n");
        write("task/run.py", "print('done', flush=True)\n");
        Supervisor supervisor = up("""
                services:
                  broken: { command: python3 app.py, cwd: broken, port: none, watch: ["*.py"] }
                  task: { command: python3 run.py, cwd: task, oneshot: true, watch: ["*.py"] }
                """);
        await(supervisor, "broken", ServiceState.CRASHED);
        await(supervisor, "task", ServiceState.EXITED);

        write("broken/app.py", APP);
        running(supervisor, "broken");
        write("task/run.py", "print('done again', flush=True)\n");
        Await.until(WAIT, "the task to complete a second time",
                () -> stack.details("task", ServiceState.EXITED).size() == 2);

        assertThat(stack.details("broken", ServiceState.PENDING)).endsWith("files it watches changed");
        assertThat(restarts("task")).containsExactly("restarting: run.py changed (watch)");
    }
}
