package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.devstack.supervisor.testing.Processes;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.manager.SeleniumManager;

/**
 * The browser fixture on its own, against a page served here under the same strict CSP as the
 * dashboard's: scripts run as modules, the window has its fixed size, the wait has a deadline,
 * Selenium Manager never runs, no name resolves but *.localhost ones (loopback), and closing leaves no
 * chromium process.
 */
class HeadlessChromiumIT {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final Map<String, String> FILES = Map.of(
            "/", """
                    <!doctype html><html><head><title>fixture</title>
                    <script type="module" src="/app.js"></script></head>
                    <body data-connection="connecting"><button id="go">go</button><div id="out"></div></body></html>""",
            "/app.js", """
                    document.body.dataset.connection = "live";
                    document.getElementById("go").addEventListener("click", () => {
                      const line = document.createElement("div");
                      line.className = "line";
                      line.textContent = "clicked";
                      document.getElementById("out").append(line);
                    });""");

    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final List<LogRecord> manager = new CopyOnWriteArrayList<>();
    private final Logger managerLog = Logger.getLogger(SeleniumManager.class.getName());
    private final Handler managerHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            manager.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private HttpServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void serve() throws IOException {
        managerLog.setLevel(Level.ALL);
        managerLog.addHandler(managerHandler);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            String body = FILES.get(path);
            byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".js") ? "text/javascript" : "text/html");
            exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        managerLog.removeHandler(managerHandler);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Test
    void runsThePageModulesUnderTheStrictPolicyAndClicksAtTheFixedSize() throws IOException {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.open(url());

            chromium.find("body[data-connection=live]");
            chromium.find("button#go").click();

            assertThat(chromium.find("#out .line").getText()).isEqualTo("clicked");
            assertThat(chromium.script("return [window.innerWidth, window.innerHeight]"))
                    .isEqualTo(List.of((long) HeadlessChromium.WIDTH, (long) HeadlessChromium.HEIGHT));
            Path png = dir.resolve("page.png");
            chromium.screenshot(png);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(List.of(image.getWidth(), image.getHeight())).isEqualTo(List.of(HeadlessChromium.WIDTH,
                    HeadlessChromium.HEIGHT));
        }
        assertThat(requested).as("what the browser asked the page's server for").containsOnly("/", "/app.js", "/favicon.ico");
        assertThat(manager).as("Selenium Manager's log: it must not run, so nothing is downloaded").isEmpty();
    }

    @Test
    void aWaitGivesUpAtItsDeadlineAndSaysWhatItWaitedFor() {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.open(url());
            long start = System.nanoTime();

            assertThatThrownBy(() -> chromium.await(Duration.ofMillis(300), () -> "a #never element", page ->
                    page.findElements(By.id("never")).stream().findFirst().orElse(null)))
                    .isInstanceOf(TimeoutException.class).hasMessageContaining("a #never element");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
        }
    }

    @Test
    void noHostNameResolvesSoNothingLeavesTheMachine() {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            assertThatThrownBy(() -> chromium.open("http://example.com/")).hasMessageContaining("ERR_NAME_NOT_RESOLVED");

            chromium.open(url());

            chromium.find("body[data-connection=live]");
        }
    }

    @Test
    void aLocalhostNameReachesLoopbackAsTheAgentsNamesNeed() {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.open("http://fixture.localhost:" + server.getAddress().getPort() + "/");

            chromium.find("body[data-connection=live]");
        }
    }

    @Test
    void closingEndsEveryProcessOfTheBrowser() {
        HeadlessChromium chromium = HeadlessChromium.start();
        List<Long> processes;
        try {
            chromium.open(url());
            processes = chromium.processes();
            assertThat(processes).as("chromium's processes, found by their profile folder").isNotEmpty()
                    .allMatch(Processes::alive);
        } finally {
            chromium.close();
        }

        assertThat(processes).noneMatch(Processes::alive);
        assertThat(chromium.processes()).isEmpty();
    }
}
