package dev.devstack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.devstack.app.UpOptions;
import dev.devstack.app.UpSession;
import dev.devstack.app.testing.LiveStack;
import dev.devstack.supervisor.config.Selection;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard on a real stack: its keys reach the real supervisor, and quitting stops every process. */
class DashboardIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SERVICE = """
            import os, socket, time
            server = socket.socket()
            server.bind(("127.0.0.1", int(os.environ["PORT"])))
            server.listen()
            print("listening on", os.environ["PORT"], flush=True)
            time.sleep(600)
            """;

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
    void restartFromTheTableReplacesTheRealProcessAndQuitStopsEverything() throws Exception {
        Files.writeString(projectDir.resolve("svc.py"), SERVICE);
        Files.writeString(projectDir.resolve("ports.yaml"), """
                services:
                  api: { command: "python3 -u svc.py" }
                  web: { command: "python3 -u svc.py", depends_on: [api] }
                """);
        UpSession session = stack.open(new UpOptions(Selection.DEFAULT, false, true, false));
        Supervisor supervisor = session.supervisor();
        try (VirtualDashboard screen = new VirtualDashboard(120, 30, session.stack(), session.stack(), supervisor.finished(),
                session.portRows(), Map.of("TERM", "xterm", "LANG", "C.UTF-8"), Clock.systemUTC(), session.apiUrl())) {
            session.start();
            screen.awaitRow("web ", "● ready");
            assertThat(screen.awaitRow("devstack")).as("the header names the stack's HTTP API")
                    .contains("web " + session.apiUrl().orElseThrow() + "/");
            long webPid = supervisor.snapshot().service("web").orElseThrow().pid().orElseThrow();
            List<Long> pids = supervisor.snapshot().services().stream().map(s -> s.pid().orElseThrow()).toList();

            screen.press(KeyType.ArrowDown);
            screen.awaitRow("logs: web");
            screen.type('r');

            ServiceSnapshot restarted = Await.value(WAIT, "web ready from a new process", () -> supervisor.snapshot()
                    .service("web").filter(s -> s.state() == ServiceState.READY && s.pid().orElse(webPid) != webPid)
                    .orElse(null));
            screen.awaitRow("web ", "● ready", Long.toString(restarted.pid().orElseThrow()));
            assertThat(Processes.alive(webPid)).isFalse();
            assertThat(restarted.restarts()).isEqualTo(1);

            screen.type('q');
            screen.awaitRow("stop 2 running services and quit? (y/n)");
            screen.type('y');

            screen.awaitEnd();
            StackOutcome outcome = supervisor.finished().get(10, TimeUnit.SECONDS);
            assertThat(outcome.stopRequested()).isTrue();
            assertThat(outcome.services()).allSatisfy(s -> assertThat(s.state()).isEqualTo(ServiceState.STOPPED));
            Await.until(WAIT, "api and web to be gone", () -> Stream.of(pids.get(0), restarted.pid().getAsLong())
                    .noneMatch(Processes::alive));
        }
    }

    @Test
    void reloadStartsWhatWasAddedToTheFileAndLeavesTheRestRunning() throws Exception {
        Files.writeString(projectDir.resolve("svc.py"), SERVICE);
        String api = """
                services:
                  api: { command: "python3 -u svc.py" }
                """;
        Files.writeString(projectDir.resolve("ports.yaml"), api);
        UpSession session = stack.open(new UpOptions(Selection.DEFAULT, false, true, false));
        Supervisor supervisor = session.supervisor();
        try (VirtualDashboard screen = new VirtualDashboard(120, 30, session.stack(), session.stack(),
                supervisor.finished(), session.portRows(), Map.of("TERM", "xterm", "LANG", "C.UTF-8"),
                Clock.systemUTC(), session.apiUrl())) {
            session.start();
            screen.awaitRow("api ", "● ready");
            long apiPid = supervisor.snapshot().service("api").orElseThrow().pid().orElseThrow();
            Files.writeString(projectDir.resolve("ports.yaml"), api + """
                      cache: { command: "python3 -u svc.py" }
                    """);

            screen.type('R');

            screen.awaitRow("reloaded: starting cache; 1 unchanged");
            ServiceSnapshot cache = Await.value(WAIT, "cache ready", () -> supervisor.snapshot().service("cache")
                    .filter(s -> s.state() == ServiceState.READY).orElse(null));
            screen.awaitRow("cache ", "● ready", Long.toString(cache.pid().orElseThrow()));
            screen.awaitRow("api ", "● ready", Long.toString(apiPid));
        }
    }
}
