package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.agent.AgentClient;
import dev.devstack.supervisor.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 in a real browser: examples/vite-flask, its URLs left as ports, opened by its name
 * through the agent in headless chromium (which resolves *.localhost to loopback by itself); its
 * stylesheet edited, and the open page restyled by Vite's hot reload over a WebSocket through the
 * proxy, without a reload of the page.
 */
class NamesBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HEADING = "Notes from Flask, through Vite";
    private static final String BEFORE = "rgb(30, 90, 160)";
    private static final String AFTER = "rgb(170, 40, 40)";
    /**
     * Notes each WebSocket the page opens, before Vite's client runs: when its socket through the
     * name fails, the client falls back to one straight to Vite's own port, and the page would still
     * update with the proxy's upgrade broken.
     */
    private static final String RECORD_SOCKETS = """
            window.__sockets = [];
            window.WebSocket = class extends window.WebSocket {
              constructor(...args) {
                super(...args);
                const seen = { url: this.url, open: false };
                window.__sockets.push(seen);
                this.addEventListener("open", () => { seen.open = true; });
                this.addEventListener("close", () => { seen.open = false; });
              }
            };
            """;

    @TempDir
    Path home;
    @TempDir
    Path projects;

    private int agentPort;

    @AfterEach
    void killTheAgent() {
        AgentClient.connect(home, "NamesBrowserIT").map(agent -> {
            try (agent) {
                return agent.hello().path("pid").asLong();
            }
        }).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void aViteServerOpenedByItsNameIsRestyledByHotReloadThroughTheProxyWithoutAReload() throws IOException {
        FrameworkExample.needPython("flask");
        FrameworkExample.needNode();
        Path dir = FrameworkExample.prepare("vite-flask", projects, "web");
        agentPort = freePort();
        DevstackProcess.Result agent = devstack(dir, "agent", "start");
        assertThat(agent.exitCode()).as(agent.out() + agent.err()).isZero();

        try (DetachedStack stack = new DetachedStack(dir, home)) {
            DevstackProcess.Result up = devstack(dir, "up", "-d");
            stack.remember();
            assertThat(up.exitCode()).as(up.out() + up.err()).isZero();
            String web = "http://web.vite-flask.localhost:" + agentPort + "/";
            Await.until(WAIT, web + " to answer through the agent", () -> curl(web).contains(HEADING));

            try (HeadlessChromium chromium = HeadlessChromium.start()) {
                chromium.beforeEveryPage(RECORD_SOCKETS);
                chromium.open(web);
                assertThat(chromium.find("h1").getText()).isEqualTo(HEADING);
                chromium.await("the notes Flask gave, through Vite's proxy", page -> chromium.all("#notes li").size() == 2);
                assertThat(chromium.script("return location.host")).isEqualTo("web.vite-flask.localhost:" + agentPort);
                chromium.await(WAIT, () -> "Vite's WebSocket through the agent to open: " + sockets(chromium),
                        page -> sockets(chromium).stream().anyMatch(socket -> Boolean.TRUE.equals(socket.get("open"))));
                assertThat(sockets(chromium)).as("every socket goes through the name, none falls back to Vite's port")
                        .extracting(socket -> socket.get("url").toString())
                        .allMatch(url -> url.startsWith("ws://web.vite-flask.localhost:" + agentPort + "/?token="));
                assertThat(headingColor(chromium)).isEqualTo(BEFORE);

                chromium.script("window.__marker = 1");
                Path style = dir.resolve("web/style.css");
                Files.writeString(style, Files.readString(style).replace(BEFORE, AFTER));
                chromium.await(WAIT, () -> "the heading to turn " + AFTER + " (now " + headingColor(chromium) + ")",
                        page -> AFTER.equals(headingColor(chromium)));
                assertThat(chromium.script("return window.__marker")).as("the page was not reloaded").isEqualTo(1L);
                assertThat(sockets(chromium)).as("the one socket that carried the update").hasSize(1)
                        .allMatch(socket -> Boolean.TRUE.equals(socket.get("open")));
            }

            DevstackProcess.Result down = devstack(dir, "down");
            assertThat(down.exitCode()).as(down.out() + down.err()).isZero();
        }
        DevstackProcess.Result stop = devstack(dir, "agent", "stop");
        assertThat(stop.exitCode()).as(stop.out() + stop.err()).isZero();
    }

    private DevstackProcess.Result devstack(Path dir, String... args) {
        try (DevstackProcess command = DevstackProcess.start(dir, home,
                Map.of("DEVSTACK_AGENT_PORT", String.valueOf(agentPort)), args)) {
            return command.awaitExit(WAIT);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sockets(HeadlessChromium chromium) {
        return Optional.ofNullable((List<Map<String, Object>>) chromium.script("return window.__sockets"))
                .orElse(List.of());
    }

    private static String headingColor(HeadlessChromium chromium) {
        return String.valueOf(chromium.script("return getComputedStyle(document.querySelector('h1')).color"));
    }

    /** The body curl got (curl resolves *.localhost to loopback by itself), or what it said when it got none. */
    private static String curl(String url) {
        try {
            Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "10", url).redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!curl.waitFor(20, TimeUnit.SECONDS)) {
                curl.destroyForcibly();
                throw new AssertionError("curl " + url + " did not end");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
