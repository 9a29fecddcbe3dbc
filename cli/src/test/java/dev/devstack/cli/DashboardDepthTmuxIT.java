package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's deeper keys in a real terminal (tmux), as a person uses them: {@code t} types into
 * a service that echoes its input, a {@code tty: true} service sees a terminal and its new size
 * after the window is resized, {@code g} shows who waits for whom, {@code i} a service's command,
 * folder and masked secret, a click selects a row, copy mode puts the marked lines into tmux's
 * buffer through OSC 52, {@code +} starts a second replica on a port of its own. One stack serves
 * every step, so that the test costs one start.
 */
class DashboardDepthTmuxIT {

    private static final Path REPO = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path home;
    @TempDir
    Path project;
    @TempDir
    Path scratch;

    @Test
    void typingTerminalsClickCopyAndScaleWorkAsAPersonUsesThem() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed: the dashboard's end-to-end test cannot run");
        Files.writeString(project.resolve("ports.yaml"), """
                services:
                  api:
                    command: python3 -m http.server $PORT --bind 127.0.0.1
                    scale: { max: 2 }
                    env: { API_SECRET: hunter2 }
                  printer:
                    depends_on: [api]
                    command: sh -c 'read -r go; echo alpha; printf "\\033[31mbeta\\033[0m\\n"; echo gamma; exec sleep 600'
                  echo:
                    command: |-
                      sh -c 'while read -r line; do echo "got: $line"; done'
                  term:
                    command: |-
                      sh -c 'test -t 0 && echo "stdin is a terminal"; trap "stty size" WINCH; while :; do sleep 0.1; done'
                    tty: true
                """);
        String command = "cd '" + REPO + "' && env DEVSTACK_HOME='" + home + "' LANG=C.UTF-8 TERM=xterm-256color"
                + " ./devstack -C '" + project + "' up; echo $? > '" + scratch.resolve("exit") + "'; sleep 600";
        List<Long> seen = new ArrayList<>();
        try (Tmux tmux = new Tmux(120, 32, command)) {
            tmux.option("set-clipboard", "on");
            String screen = tmux.await(WAIT, "the stack up", s -> s.contains("4 services · 1 ready · 3 running"));
            seen.addAll(pids().values());

            tmux.sendLiteral(click(4, rowOf(screen, " echo ")));
            tmux.await(WAIT, "echo selected", s -> s.contains("logs: echo"));
            tmux.sendKeys("t");
            tmux.await(WAIT, "typing", s -> s.contains("typing to echo:"));
            tmux.sendLiteral("hello");
            tmux.sendKeys("Enter");
            tmux.await(WAIT, "the echo", s -> s.contains("got: hello"));
            tmux.sendKeys("Escape");
            tmux.await(WAIT, "typing stopped", s -> !s.contains("typing to echo:"));

            tmux.sendLiteral(click(4, rowOf(screen, " term ")));
            tmux.await(WAIT, "a terminal seen by the tty service", s -> s.contains("logs: term")
                    && s.contains("stdin is a terminal"));
            tmux.resize(100, 30);
            tmux.await(WAIT, "the new size in the service's terminal (the log view's text: 90 columns, 27 rows)",
                    s -> s.contains(" 27 90"));
            screen = tmux.await(WAIT, "the dashboard redrawn at the new size", s -> s.lines().count() == 30);

            tmux.sendKeys("g");
            tmux.await(WAIT, "the graph: printer waits for api to be ready", s -> s.contains("graph")
                    && s.lines().anyMatch(line -> line.contains("printer") && line.contains("running"))
                    && s.lines().anyMatch(line -> line.contains("api (ready)") && line.contains("ready")));
            tmux.sendKeys("Escape");
            tmux.sendLiteral(click(4, rowOf(screen, " api ")));
            tmux.await(WAIT, "api selected", s -> s.contains("logs: api"));
            tmux.sendKeys("i");
            String details = tmux.await(WAIT, "api's details", s -> s.contains("python3 -m http.server")
                    && s.contains("PROCESSES") && s.contains("API_SECRET="));
            assertThat(details).contains("API_SECRET=••••••", "folder", project.toString()).doesNotContain("hunter2");
            tmux.sendKeys("Escape");
            tmux.await(WAIT, "the table again", s -> s.contains("HEALTH / LAST EVENT"));

            tmux.sendLiteral(click(4, rowOf(screen, " printer ")));
            tmux.await(WAIT, "printer selected by the click", s -> s.contains("logs: printer"));
            tmux.sendKeys("t", "Enter", "Escape");
            tmux.await(WAIT, "printer's lines, printed once it was told to go", s -> s.contains("gamma"));

            tmux.sendKeys("c");
            tmux.await(WAIT, "copy mode", s -> s.contains("copy:") && s.contains("Esc leaves"));
            tmux.sendKeys("k", "k", "v", "j", "j", "y");
            screen = tmux.await(WAIT, "the copy said", s -> s.contains("copied 3 lines (clipboard and .devstack/copied.txt)"));
            Await.until(WAIT, "tmux to hold the copy", tmux::hasBuffer);
            assertThat(tmux.buffer()).isEqualTo("alpha\nbeta\ngamma\n");
            assertThat(Files.readString(project.resolve(".devstack/copied.txt"))).isEqualTo("alpha\nbeta\ngamma\n");

            tmux.sendLiteral(click(4, rowOf(screen, " api ")));
            tmux.await(WAIT, "api selected by the click", s -> s.contains("logs: api"));
            tmux.sendKeys("+");
            Map<String, Integer> ports = Await.value(WAIT, "a second replica of api in `ports --json`", () -> {
                Map<String, Integer> now = ports();
                return now.containsKey("api.0") && now.containsKey("api.1") ? now : null;
            });
            assertThat(ports.get("api.0")).isNotEqualTo(ports.get("api.1"));
            tmux.await(WAIT, "both replicas ready on the dashboard", s -> s.contains("api.0") && s.contains("api.1")
                    && s.contains("2 ready"));
            seen.addAll(pids().values());
            tmux.sendKeys("+");
            tmux.await(WAIT, "the limit said", s -> s.contains("can have 1 to 2 replicas, not 3"));

            tmux.sendKeys("q");
            tmux.await(WAIT, "the question", s -> s.contains("and quit? (y/n)"));
            tmux.sendKeys("y");
            Await.until(WAIT, "devstack's exit", () -> Files.exists(scratch.resolve("exit")));
            Await.until(WAIT, "every service process to be gone", () -> seen.stream().noneMatch(Processes::alive));
        } finally {
            seen.forEach(Processes::killGroup);
        }
    }

    /** What a terminal sends for a left click at a zero-based column and row, in the SGR mouse encoding. */
    private static String click(int column, int row) {
        return "\u001b[<0;" + (column + 1) + ";" + (row + 1) + "M\u001b[<0;" + (column + 1) + ";" + (row + 1) + "m";
    }

    private static int rowOf(String screen, String text) {
        List<String> lines = screen.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no row with \"" + text + "\" on the screen:\n" + screen);
    }

    /** Each unit's pid, as `devstack ports --json` reports it. */
    private Map<String, Long> pids() {
        Map<String, Long> pids = new HashMap<>();
        for (JsonNode node : services()) {
            if (node.path("pid").asLong(0) > 0) {
                pids.put(node.path("name").asText(), node.path("pid").asLong());
            }
        }
        return pids;
    }

    /** Each unit's port, as `devstack ports --json` reports it. */
    private Map<String, Integer> ports() {
        Map<String, Integer> ports = new HashMap<>();
        for (JsonNode node : services()) {
            if (node.path("port").asInt(0) > 0) {
                ports.put(node.path("name").asText(), node.path("port").asInt());
            }
        }
        return ports;
    }

    private JsonNode services() {
        DevstackProcess.Result result = DevstackProcess.run(project, home, "ports", "--json");
        try {
            return new ObjectMapper().readTree(result.out()).path("services");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
