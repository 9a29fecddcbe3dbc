package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.app.agent.AgentClient;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names for real (docs/names.md): a stack whose URLs are names starts the agent, which routes
 * http://web.shop.localhost:PORT to the service through curl (which resolves *.localhost to
 * loopback by itself), keeps the name when the service moves to another port, restores every route
 * when it is killed and started again, and sees only the stacks of its own devstack home.
 */
class NamesIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path otherHome;
    @TempDir
    Path projectDir;

    private int agentPort;
    private final List<DevstackProcess> started = new ArrayList<>();

    /** What curl got: the status (0 when it could not connect) and the body. */
    private record Answer(int status, String body) {
    }

    @BeforeEach
    void project() throws IOException {
        agentPort = freePort();
        new TestProject(projectDir).write("ports.yaml", """
                project: shop
                urls: names
                front_door: web
                services:
                  web:
                    command: "%s"
                  api:
                    command: "%s"
                    port: none
                """.formatted(service("--dump web.env --print web-says-hello --http"), service("--dump api.env")));
    }

    @AfterEach
    void stopEverything() {
        started.forEach(DevstackProcess::close);
        for (Path each : List.of(home, otherHome)) {
            agentPid(each).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private Map<String, String> environment() {
        return Map.of("DEVSTACK_AGENT_PORT", String.valueOf(agentPort));
    }

    private DevstackProcess up() {
        DevstackProcess up = DevstackProcess.start(projectDir, home, environment(), "up", "--no-tui");
        started.add(up);
        return up;
    }

    private DevstackProcess.Result devstack(Path dir, Path devstackHome, String... args) {
        try (DevstackProcess command = DevstackProcess.start(dir, devstackHome, environment(), args)) {
            return command.awaitExit(WAIT);
        }
    }

    private static Optional<Long> agentPid(Path devstackHome) {
        return AgentClient.connect(devstackHome, "NamesIT").map(agent -> {
            try (agent) {
                return agent.hello().path("pid").asLong();
            }
        });
    }

    private String name(String host) {
        return "http://" + host + ":" + agentPort;
    }

    private static Answer curl(String url) {
        try {
            Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "10", "-w", "\n%{http_code}", url)
                    .redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!curl.waitFor(20, TimeUnit.SECONDS)) {
                curl.destroyForcibly();
                throw new AssertionError("curl " + url + " did not end");
            }
            int cut = out.lastIndexOf('\n');
            return new Answer(Integer.parseInt(out.substring(cut + 1).strip()), out.substring(0, Math.max(cut, 0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void awaitStatus(String url, int status) {
        Await.until(WAIT, url + " to answer " + status + " (last: " + curl(url) + ")", () -> curl(url).status() == status);
    }

    private JsonNode ports() throws IOException {
        return JSON.readTree(devstack(projectDir, home, "ports", "--json").out());
    }

    private int webPort() throws IOException {
        for (JsonNode service : ports().path("services")) {
            if (service.path("name").asText().equals("web") && service.path("port").isNumber()) {
                return service.path("port").asInt();
            }
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void upStartsTheAgentAndEveryServiceAnswersByItsNameWhichItWasGiven() throws IOException {
        up();
        awaitStatus(name("web.shop.localhost") + "/healthz", 200);

        Await.until(WAIT, "api to write its environment", () -> Files.exists(projectDir.resolve("api.env")));
        Map<String, String> api = environmentOf("api.env");
        assertThat(api).containsEntry("WEB_URL", name("web.shop.localhost"))
                .containsEntry("WEB_PORT", String.valueOf(webPort()));
        assertThat(curl(name("shop.localhost") + "/healthz").status()).as("the front door").isEqualTo(200);
        assertThat(curl(name("web.shop.localhost") + "/status/418").status()).isEqualTo(418);
        assertThat(ports().path("services").get(0).path("url").asText()).isEqualTo(name("web.shop.localhost"));

        Answer unknown = curl(name("nope.shop.localhost") + "/");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("web.shop.localhost").contains("nope.shop.localhost");
        Answer machine = curl(name("devstack.localhost") + "/");
        assertThat(machine.status()).isEqualTo(200);
        assertThat(machine.body()).contains("shop").contains(name("web.shop.localhost"));
        JsonNode stacks = JSON.readTree(curl(name("devstack.localhost") + "/api/stacks").body());
        assertThat(stacks.path("data").get(0).path("project").asText()).isEqualTo("shop");

        assertThat(devstack(projectDir, home, "stop", "web").exitCode()).isZero();
        Await.until(WAIT, "a page that says web is stopped", () -> curl(name("web.shop.localhost") + "/").status() == 503);
        Answer waiting = curl(name("web.shop.localhost") + "/");
        assertThat(waiting.body()).contains("web is stopped").contains("web-says-hello")
                .contains("http-equiv=\"refresh\"");
        assertThat(devstack(projectDir, home, "start", "web").exitCode()).isZero();
        awaitStatus(name("web.shop.localhost") + "/healthz", 200);

        DevstackProcess.Result status = devstack(projectDir, home, "status");
        assertThat(status.out()).contains("NAME").contains(name("web.shop.localhost"));
        DevstackProcess.Result open = devstack(projectDir, home, "open", "--no-open");
        assertThat(open.out().strip()).isEqualTo(name("shop.localhost"));
        DevstackProcess.Result agentStatus = devstack(projectDir, home, "agent", "status", "--json");
        assertThat(JSON.readTree(agentStatus.out()).path("stacks").get(0).path("services").get(0).path("url").asText())
                .isEqualTo(name("web.shop.localhost"));
    }

    @Test
    void aServiceMovedToAnotherPortKeepsItsNameAndAKilledAgentRestoresEveryRoute() throws IOException {
        up();
        awaitStatus(name("web.shop.localhost") + "/healthz", 200);
        int before = webPort();
        int moved = freePort();
        Files.writeString(projectDir.resolve("ports.yaml"), Files.readString(projectDir.resolve("ports.yaml"))
                .replace("    command: \"" + service("--dump web.env --print web-says-hello --http") + "\"\n",
                        "    command: \"" + service("--dump web.env --print web-says-hello --http") + "\"\n    port: " + moved + "\n"));
        assertThat(devstack(projectDir, home, "reload").exitCode()).isZero();
        Await.until(WAIT, "web to move to port " + moved, () -> {
            try {
                return webPort() == moved;
            } catch (IOException e) {
                return false;
            }
        });
        awaitStatus(name("web.shop.localhost") + "/healthz", 200);
        assertThat(environmentOf("web.env")).containsEntry("PORT", String.valueOf(moved));
        assertThat(moved).isNotEqualTo(before);

        long agent = agentPid(home).orElseThrow();
        ProcessHandle.of(agent).orElseThrow().destroyForcibly();
        Await.until(WAIT, "the agent to end", () -> ProcessHandle.of(agent).map(p -> !p.isAlive()).orElse(true));
        assertThat(curl(name("web.shop.localhost") + "/healthz").status()).as("no agent, no name").isZero();
        assertThat(curl("http://127.0.0.1:" + moved + "/healthz").status()).as("the stack runs on").isEqualTo(200);

        DevstackProcess.Result start = devstack(projectDir, home, "agent", "start");
        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(start.out()).contains("devstack agent started").contains(name("devstack.localhost"));
        awaitStatus(name("web.shop.localhost") + "/healthz", 200);
        awaitStatus(name("shop.localhost") + "/healthz", 200);

        DevstackProcess.Result stop = devstack(projectDir, home, "agent", "stop");
        assertThat(stop.exitCode()).isZero();
        assertThat(agentPid(home)).isEmpty();
        assertThat(curl("http://127.0.0.1:" + moved + "/healthz").status()).isEqualTo(200);
    }

    @Test
    void anotherDevstackHomesAgentDoesNotSeeThisHomesStacks() throws IOException {
        up();
        awaitStatus(name("web.shop.localhost") + "/healthz", 200);
        int otherPort = freePort();
        try (DevstackProcess other = DevstackProcess.start(projectDir, otherHome, Map.of(), "agent", "run", "--port",
                String.valueOf(otherPort))) {
            started.add(other);
            other.awaitOutput("names on port " + otherPort, WAIT);
            Answer there = curl("http://web.shop.localhost:" + otherPort + "/healthz");
            assertThat(there.status()).isEqualTo(404);
            assertThat(there.body()).doesNotContain(name("web.shop.localhost"));
            assertThat(curl("http://devstack.localhost:" + otherPort + "/").body()).contains("No stack runs now");
        }
        DevstackProcess.Result second = devstack(projectDir, home, "agent", "run");
        assertThat(second.exitCode()).as("a second agent of the same home").isEqualTo(ExitCodes.ALREADY_RUNNING);
        assertThat(second.err()).contains("runs already");
    }

    private Map<String, String> environmentOf(String file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> env = JSON.readValue(Files.readString(projectDir.resolve(file)), Map.class);
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAgentWithNoStackAndNoRequestEndsByItselfAndGivesItsPortBack() throws IOException {
        try (DevstackProcess agent = DevstackProcess.start(projectDir, otherHome, Map.of(), "agent", "run", "--port",
                String.valueOf(agentPort), "--idle-exit", "2s")) {
            started.add(agent);
            DevstackProcess.Result ended = agent.awaitExit(WAIT);

            assertThat(ended.exitCode()).isZero();
            assertThat(ended.out()).contains("names on port " + agentPort)
                    .contains("no running stack and no request for 2s: ending");
        }
        assertThat(agentPid(otherHome)).isEmpty();
        try (ServerSocket again = new ServerSocket(agentPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the port is free again").isEqualTo(agentPort);
        }
        assertThat(devstack(projectDir, otherHome, "ports", "--all").out()).doesNotContain("devstack agent");
    }
}
