package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.detect.ConnectProbe;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.ForeignListener;
import dev.devstack.supervisor.testing.FreePorts;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `devstack kill PORT` against real listeners in real process groups, and a real stack. */
class KillIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final ConnectProbe CONNECT = new ConnectProbe(200);

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatWasStarted() {
        for (Process process : started) {
            Processes.killGroup(process.pid());
            process.destroyForcibly();
        }
    }

    /** A shell in its own session and process group, with a python listener and a sleep as children. */
    private Process group(int port, String pythonPrelude) throws IOException {
        String listener = pythonPrelude + "import socket, time\n"
                + "s = socket.socket()\n"
                + "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
                + "s.bind(('127.0.0.1', " + port + "))\n"
                + "s.listen()\n"
                + "time.sleep(300)\n";
        Process shell = new ProcessBuilder("setsid", "sh", "-c", "python3 -c \"$1\" & sleep 300 & wait", "sh", listener)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(shell);
        Await.until(WAIT, "the listener on port " + port, () -> CONNECT.accepts(port));
        Await.until(WAIT, "three processes in the group", () -> Processes.group(shell.pid()).size() == 3);
        return shell;
    }

    @Test
    void theWholeProcessGroupOfTheListenerEndsAndTheReportSaysSo() throws Exception {
        int port = FreePorts.next();
        Process shell = group(port, "");
        List<Long> members = Processes.group(shell.pid());

        DevstackProcess.Result kill = InProcessDevstack.run(projectDir, home, "kill", String.valueOf(port));

        assertThat(kill.exitCode()).as(kill.err()).isZero();
        assertThat(kill.out()).contains("its process group " + shell.pid() + " (3 processes)",
                "  SIGTERM to process group " + shell.pid(), "  ended: ");
        assertThat(kill.out()).doesNotContain("SIGKILL");
        Await.until(WAIT, "every process of the group to be gone", () -> Processes.group(shell.pid()).isEmpty());
        for (long pid : members) {
            assertThat(kill.out()).contains(String.valueOf(pid));
        }
        assertThat(CONNECT.accepts(port)).isFalse();
    }

    @Test
    void whatIgnoresTheSignalGetsSigkillAfterTheGracePeriod() throws Exception {
        int port = FreePorts.next();
        Process shell = group(port, "import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n");

        DevstackProcess.Result kill = InProcessDevstack.run(projectDir, home, "kill", String.valueOf(port),
                "--grace", "300ms");

        assertThat(kill.exitCode()).as(kill.err()).isZero();
        assertThat(kill.out()).contains("  SIGTERM to process group " + shell.pid(),
                "  SIGKILL to process group " + shell.pid() + ", 1 still running after 300ms");
        Await.until(WAIT, "every process of the group to be gone", () -> Processes.group(shell.pid()).isEmpty());
    }

    @Test
    void onlyTheExactPortIsMatched() throws Exception {
        int[] pair = prefixPair();
        try (ForeignListener longer = ForeignListener.on(pair[1])) {
            Process shell = group(pair[0], "");

            DevstackProcess.Result kill = InProcessDevstack.run(projectDir, home, "kill", String.valueOf(pair[0]));

            assertThat(kill.exitCode()).as(kill.err()).isZero();
            assertThat(kill.out()).doesNotContain("pid " + longer.pid());
            Await.until(WAIT, "the group on " + pair[0] + " to be gone", () -> Processes.group(shell.pid()).isEmpty());
            assertThat(Processes.alive(longer.pid())).as("the listener on " + pair[1]).isTrue();

            DevstackProcess.Result again = InProcessDevstack.run(projectDir, home, "kill", String.valueOf(pair[0]));
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(Processes.alive(longer.pid())).as("the listener on " + pair[1]).isTrue();
        }
    }

    /** Two free ports P and 10P+1 (3000 and 30001): the text of one starts with the other. */
    private static int[] prefixPair() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = FreePorts.next();
            for (int candidate : new int[] {port / 10, port / 100}) {
                int longer = candidate * 10 + 1;
                if (candidate >= 1024 && longer <= 65_535 && longer != port && FreePorts.isFree(candidate)
                        && FreePorts.isFree(longer)) {
                    return new int[] {candidate, longer};
                }
            }
        }
        throw new AssertionError("no two free ports P and 10P+1");
    }

    @Test
    void aFreePortKillsNothingWithExitCodeOne() {
        int port = FreePorts.next();

        DevstackProcess.Result kill = InProcessDevstack.run(projectDir, home, "kill", String.valueOf(port));

        assertThat(kill.exitCode()).isEqualTo(1);
        assertThat(kill.err()).isEqualTo("devstack: nothing listens on port " + port + "; nothing to kill\n");
    }

    @Test
    void anotherUsersProcessIsRefused() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to start a process as nobody");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) && Files.isExecutable(Path.of("/usr/bin/python3")),
                "needs setpriv and /usr/bin/python3");
        int port = FreePorts.next();
        Process nobody = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "/usr/bin/python3", "-c", "import socket, time\ns = socket.socket()\ns.bind(('127.0.0.1', " + port
                + "))\ns.listen()\ntime.sleep(300)\n").directory(Path.of("/").toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(nobody);
        Await.until(WAIT, "nobody's listener", () -> CONNECT.accepts(port));

        DevstackProcess.Result kill = InProcessDevstack.run(projectDir, home, "kill", String.valueOf(port), "--yes");

        assertThat(kill.exitCode()).isEqualTo(6);
        assertThat(kill.out()).contains("left alone: it belongs to nobody; devstack ends only your own processes");
        assertThat(kill.err()).contains("nothing killed; port " + port + " is still held");
        assertThat(nobody.isAlive()).isTrue();
    }

    @Test
    void aServiceOfARunningStackIsStoppedThroughItsDevstackAndNotRestarted() throws Exception {
        new TestProject(projectDir).write("ports.yaml", ("services:\n  api:\n    command: \"%s\"\n"
                + "    restart: always\n").formatted(service("--listen")));
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            int port = Await.value(WAIT, "api to be ready", () -> {
                JsonNode api = api();
                return api != null && "ready".equals(api.path("state").asText()) ? api.path("port").asInt() : null;
            });
            long pid = up.servicePids().get(0);

            DevstackProcess.Result kill = InProcessDevstack.run(projectDir, home, "kill", String.valueOf(port));

            assertThat(kill.exitCode()).as(kill.out() + kill.err()).isZero();
            assertThat(kill.out()).contains("service api of " + projectDir + ": its devstack (pid " + up.pid()
                    + ") stops it and will not restart it", "  asked devstack (pid " + up.pid() + ") to stop service api");
            Await.until(WAIT, "api to be stopped", () -> api() != null && "stopped".equals(api().path("state").asText()));
            assertThat(Processes.alive(pid)).isFalse();
            Await.until(WAIT, "the stop in up's output", () -> (up.out() + up.err()).contains(
                    "api: stopped by devstack (SIGTERM)"));
            assertThat(up.out() + up.err()).contains("api: stop asked by `devstack kill " + port + "`; it stays"
                    + " stopped until started again (`devstack start api`)");
            assertThat(up.out() + up.err()).doesNotContain(", restart 1 in");
            assertThat(up.servicePids()).as("no new api process").isEmpty();
        }
    }

    private JsonNode api() {
        try {
            JsonNode report = new ObjectMapper().readTree(InProcessDevstack.run(projectDir, home, "ports", "--json").out());
            return report.path("services").get(0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Test
    void onATerminalItAsksFirstAndNoMeansNothingIsKilled() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed: the terminal test cannot run");
        int port = FreePorts.next();
        Process shell = group(port, "");
        String kill = String.join(" ", DevstackProcess.command(List.of("kill", String.valueOf(port)))
                .stream().map(word -> "'" + word + "'").toList());
        String command = "cd '" + Path.of("").toAbsolutePath() + "' && export DEVSTACK_HOME='" + home + "' TERM=xterm;"
                + " " + kill + "; echo first=$?; " + kill + "; echo second=$?; sleep 600";

        try (Tmux tmux = new Tmux(160, 30, command)) {
            tmux.await(WAIT, "the question", s -> s.contains("end it? [y/N]"));
            tmux.sendKeys("n", "Enter");
            String screen = tmux.await(WAIT, "the first answer", s -> s.contains("first="));
            assertThat(screen).contains("its process group " + shell.pid() + " (3 processes)", "nothing killed",
                    "first=1");
            assertThat(Processes.group(shell.pid())).hasSize(3);

            tmux.await(WAIT, "the question again", s -> s.indexOf("end it? [y/N]") != s.lastIndexOf("end it? [y/N]"));
            tmux.sendKeys("y", "Enter");
            assertThat(tmux.await(WAIT, "the second answer", s -> s.contains("second="))).contains("second=0");
            Await.until(WAIT, "the group to be gone", () -> Processes.group(shell.pid()).isEmpty());
        }
    }
}
