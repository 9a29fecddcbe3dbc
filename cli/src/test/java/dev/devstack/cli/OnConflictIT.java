package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.detect.ConnectProbe;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.ForeignListener;
import dev.devstack.supervisor.testing.FreePorts;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `on_conflict:` with real listeners: the service's own command left running by hand, and a stranger. */
class OnConflictIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LISTEN = """
            import socket, sys, time
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', int(sys.argv[1])))
            s.listen()
            print('listening', flush=True)
            time.sleep(300)
            """;

    private static final ConnectProbe CONNECT = new ConnectProbe(200);

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    private Process byHand;

    @AfterEach
    void stopWhatWasStartedByHand() {
        if (byHand != null) {
            byHand.destroyForcibly();
        }
    }

    private void project(int port, String onConflict) {
        new TestProject(projectDir).write("listen.py", LISTEN).write("ports.yaml", ("services:\n  web:\n"
                + "    command: python3 listen.py $PORT\n    port: %d\n%s").formatted(port,
                onConflict.isEmpty() ? "" : "    on_conflict: " + onConflict + "\n"));
    }

    /** The service's own command, started by hand in its folder: an earlier run left behind. */
    private Process startByHand(int port) throws IOException {
        byHand = new ProcessBuilder("python3", "listen.py", String.valueOf(port)).directory(projectDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Await.until(WAIT, "the hand-started web on " + port, () -> CONNECT.accepts(port));
        return byHand;
    }

    @Test
    void nextMovesAndSaysThatTheHolderLooksLikeAnEarlierRun() throws Exception {
        int port = FreePorts.next();
        project(port, "");
        Process earlier = startByHand(port);

        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up", "--no-tui")) {
            up.awaitOutput("web: ready", WAIT);

            assertThat(up.out()).contains("moved: port " + port + ", which is in use by pid " + earlier.pid(),
                    "which looks like an earlier run of `web` (the same command in the same folder); `devstack kill "
                            + port + "` ends it, `on_conflict: kill-own` does so every time");
            assertThat(earlier.isAlive()).isTrue();
        }
    }

    @Test
    void failStopsWithExitCodeThreeAndNamesTheHolder() throws Exception {
        int port = FreePorts.next();
        project(port, "fail");
        try (ForeignListener stranger = ForeignListener.on(port)) {
            DevstackProcess.Result up = InProcessDevstack.run(projectDir, home, "up", "--no-tui");

            assertThat(up.exitCode()).as(up.err()).isEqualTo(3);
            assertThat(up.err()).contains("`web` needs port " + port + ", which is in use by pid " + stranger.pid());
            assertThat(Processes.alive(stranger.pid())).isTrue();
        }
    }

    @Test
    void killOwnEndsTheEarlierRunAndTakesItsPort() throws Exception {
        int port = FreePorts.next();
        project(port, "kill-own");
        Process earlier = startByHand(port);

        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up", "--no-tui")) {
            up.awaitOutput("web: ready", WAIT);

            assertThat(up.out()).contains("web: port " + port + " (as configured; ended pid " + earlier.pid(),
                    "an earlier run (the same command in the same folder))");
            assertThat(Processes.alive(earlier.pid())).isFalse();
            assertThat(up.servicePids()).hasSize(1).doesNotContain(earlier.pid());
        }
    }

    @Test
    void killOwnLeavesAStrangerAloneAndFails() throws Exception {
        int port = FreePorts.next();
        project(port, "kill-own");
        try (ForeignListener stranger = ForeignListener.on(port)) {
            DevstackProcess.Result up = InProcessDevstack.run(projectDir, home, "up", "--no-tui");

            assertThat(up.exitCode()).as(up.err()).isEqualTo(3);
            assertThat(up.err()).contains("it is not an earlier run of `web`, so on_conflict: kill-own left it alone");
            assertThat(Processes.alive(stranger.pid())).isTrue();
        }
    }

    @Test
    void adoptKeepsTheEarlierRunWatchesItAndLeavesItRunning() throws Exception {
        int port = FreePorts.next();
        project(port, "");
        Process earlier = startByHand(port);

        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up", "--no-tui", "--adopt")) {
            up.awaitOutput("web: ready", WAIT);

            assertThat(up.out()).contains("web: port " + port + " (as configured; adopted pid " + earlier.pid(),
                    "its output is not captured, and it is left running when the stack stops");
            Await.until(WAIT, "run.json to name the adopted pid", () -> up.servicePids().equals(List.of(earlier.pid())));

            up.signal("TERM");
            assertThat(up.awaitExit(WAIT).exitCode()).isZero();
            assertThat(up.out()).contains("web: left running: pid " + earlier.pid() + " was adopted");
            assertThat(earlier.isAlive()).isTrue();
        }
    }

    @Test
    void theEndOfAnAdoptedProcessIsNoticed() throws Exception {
        int port = FreePorts.next();
        project(port, "");
        Process earlier = startByHand(port);

        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up", "--no-tui", "--adopt")) {
            up.awaitOutput("web: ready", WAIT);
            earlier.destroy();

            up.awaitOutput("the adopted process (pid " + earlier.pid() + ") has ended; its exit code is not known", WAIT);
            up.awaitOutput("web: exited", WAIT);
        }
    }
}
