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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./devstack up` on the example stack in a real terminal (tmux), used as a person would: the
 * dashboard comes up, a restart replaces the process, q and y stop everything, and the terminal is
 * given back exactly as it was. Needs tmux (`.ci/run` installs it); skipped, and said so, without.
 */
class DashboardTmuxIT {

    private static final Path REPO = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path home;
    @TempDir
    Path project;
    @TempDir
    Path scratch;

    @Test
    void theDashboardShowsTheStackRestartsAServiceAndQuitsCleanly() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed: the dashboard's end-to-end test cannot run");
        for (String file : List.of("ports.yaml", "api.py", "web.py", "worker.py")) {
            Files.copy(REPO.resolve("examples/shop").resolve(file), project.resolve(file));
        }
        String command = "cd '" + REPO + "' && stty -g > '" + scratch.resolve("stty-before") + "'"
                + " && env DEVSTACK_HOME='" + home + "' LANG=C.UTF-8 ./devstack -C '" + project + "' up;"
                + " echo $? > '" + scratch.resolve("exit") + "'; stty -g > '" + scratch.resolve("stty-after") + "';"
                + " sleep 600";
        List<Long> seen = new ArrayList<>();
        try (Tmux tmux = new Tmux(120, 32, command)) {
            String screen = tmux.await(WAIT, "the stack up on the dashboard", s -> s.contains("2 ready · 1 running"));
            assertThat(screen).contains("devstack · shop (default) · 3 services", "SERVICE", "HEALTH / LAST EVENT",
                    "logs: api", "q quit");
            long web = pid("web");
            seen.addAll(List.of(pid("api"), web, pid("worker")));

            tmux.sendKeys("Down");
            tmux.await(WAIT, "web's logs", s -> s.contains("logs: web"));
            tmux.sendKeys("r");

            long restarted = awaitNewPid("web", web);
            seen.add(restarted);
            tmux.await(WAIT, "web ready again with its new pid", s -> s.lines()
                    .anyMatch(line -> line.contains(" web ") && line.contains("● ready") && line.contains(" " + restarted + " ")));

            tmux.sendKeys("q");
            tmux.await(WAIT, "the question", s -> s.contains("stop 3 running services and quit? (y/n)"));
            tmux.sendKeys("y");

            screen = tmux.await(WAIT, "devstack's exit", s -> written(scratch.resolve("stty-after")));
            assertThat(Files.readString(scratch.resolve("exit")).strip()).isEqualTo("0");
            assertThat(screen).contains("devstack: shop stopped:", "api     stopped by devstack (SIGTERM)",
                    "every line they printed is in " + project.resolve(".devstack/logs") + "/");
            assertThat(Files.readString(scratch.resolve("stty-after")))
                    .as("terminal settings after devstack").isEqualTo(Files.readString(scratch.resolve("stty-before")));
            Await.until(WAIT, "every service process to be gone", () -> seen.stream().noneMatch(Processes::alive));
        } finally {
            seen.forEach(Processes::killGroup);
        }
    }

    /** True once the shell has written its line to {@code file} (it exists, empty, a moment before). */
    private static boolean written(Path file) {
        try {
            return Files.readString(file).endsWith("\n");
        } catch (IOException notYet) {
            return false;
        }
    }

    private long awaitNewPid(String service, long old) {
        return Await.value(WAIT, service + " to get a pid other than " + old, () -> {
            try {
                long pid = pid(service);
                return pid > 0 && pid != old ? pid : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The service's pid as `devstack ports --json` reports it, 0 while it has none. */
    private long pid(String service) throws IOException {
        DevstackProcess.Result ports = DevstackProcess.run(project, home, "ports", "--json");
        for (JsonNode node : new ObjectMapper().readTree(ports.out()).path("services")) {
            if (node.path("name").asText().equals(service)) {
                return node.path("pid").asLong(0);
            }
        }
        throw new AssertionError(service + " is not in " + ports.out());
    }
}
