package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.app.agent.AgentClient;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * The web dashboard of a real `devstack up --no-tui` in a real headless chromium (issue 12): what
 * the table shows against what the HTTP API says, a service's line reaching the page, actions with
 * the cookie `devstack web` hands out and none without, and the page finding a restarted stack.
 */
class WebDashboardIT {

    private static final Path REPO = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    /** The page's address and the one-time link that lets a browser act, as `devstack web --no-open --json` gives them. */
    private record WebUrls(String url, String loginUrl) {
    }

    @BeforeEach
    void project() {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: "%s" }
                  front: { command: "%s", depends_on: [api] }
                  worker: { command: "%s", port: none, ready: { log: "working" } }
                """.formatted(service("--print api-up --http"), service("--print front-up --listen"),
                service("--print working")));
    }

    @Test
    void theTableShowsEveryServiceWithThePortPhaseAndPidTheApiGives() throws Exception {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            WebUrls web = web();
            DashboardPage page = new DashboardPage(chromium).open(web.url());
            JsonNode snapshot = get(web, "api/services").path("data");

            List<String> names = new ArrayList<>();
            for (JsonNode service : snapshot.path("services")) {
                String name = service.path("name").asText();
                names.add(name);
                page.awaitCell(name, "pid", "to show " + service.path("pid"), pid -> pid.equals(service.path("pid").asText()));
                assertThat(page.cell(name, "phase")).as(name + "'s phase").contains(service.path("state").asText());
                List<String> links = new ArrayList<>();
                service.path("ports").forEach(port -> links.add("http://127.0.0.1:" + port.asInt()));
                assertThat(page.portLinks(name)).as(name + "'s port links").isEqualTo(links);
            }
            assertThat(names).containsExactly("api", "front", "worker");
            assertThat(page.rows()).containsExactlyInAnyOrderElementsOf(names);
            assertThat(page.portLinks("api")).as("api has a port").hasSize(1);
            assertThat(page.portLinks("worker")).as("port: none").isEmpty();
            assertThat(page.find("#project").getText()).isEqualTo(snapshot.path("project").asText());
            assertThat(page.find("#api-url").getText()).contains(web.url().replaceAll("/$", ""));
        }
    }

    @Test
    void withUrlsByNameEachServiceWithAPortShowsItsNameBesideItsPort() throws Exception {
        int agentPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            agentPort = free.getLocalPort();
        }
        Files.writeString(projectDir.resolve("ports.yaml"), "project: shop\nurls: names\n"
                + Files.readString(projectDir.resolve("ports.yaml")));
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home,
                Map.of("DEVSTACK_AGENT_PORT", String.valueOf(agentPort)), "every service ready",
                service -> service.state() == ServiceState.READY);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            DashboardPage page = new DashboardPage(chromium).open(web().url());

            page.awaitCell("api", "ports", "to show api's name", text -> text.contains("api.shop.localhost:" + agentPort));
            assertThat(page.portLinks("api")).hasSize(2).endsWith("http://api.shop.localhost:" + agentPort);
            assertThat(page.portLinks("worker")).as("port: none, no name").isEmpty();
        } finally {
            AgentClient.connect(home, "WebDashboardIT").ifPresent(agent -> {
                try (agent) {
                    ProcessHandle.of(agent.hello().path("pid").asLong()).ifPresent(ProcessHandle::destroyForcibly);
                }
            });
        }
    }

    @Test
    void theLinesPrintedBeforeThePageOpenedAreInIt() throws Exception {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            DashboardPage page = new DashboardPage(chromium).open(web().url());

            Map.of("api", "api-up", "front", "front-up", "worker", "working").forEach((service, text) ->
                    chromium.await(HeadlessChromium.WAIT, () -> service + "'s \"" + text + "\" in #logs; it has:\n"
                            + page.find("#logs").getText(), driver -> page.logLines(service).stream()
                            .anyMatch(element -> element.getText().contains(text))));
        }
    }

    @Test
    void aLineAServicePrintsIsInThePageWithinASecond() throws Exception {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            DashboardPage page = new DashboardPage(chromium).open(web().url());
            int port = stack.service("api").ports().get(0);

            for (int line = 1; line <= 3; line++) {
                String text = "line-" + line + "-" + System.nanoTime();
                page.watchForLine("api", text);
                long asked = System.currentTimeMillis();

                HttpResponse<String> printed = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/print/" + text)).timeout(HeadlessChromium.WAIT).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(printed.statusCode()).isEqualTo(200);
                long latency = page.lineSeenAt("api's line \"" + text + "\" in #logs") - asked;
                assertThat(latency).as("ms from asking api to print \"%s\" to the line in the page", text).isLessThan(1000);
                assertThat(page.logLines("api")).anyMatch(element -> element.getText().contains(text));
            }
        }
    }

    @Test
    void withTheCookieRestartChangesThePidAndTheStackSaysTheWebAsked() throws Exception {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            WebUrls web = web();
            long before = stack.service("api").pid().orElseThrow();
            long front = stack.service("front").pid().orElseThrow();
            DashboardPage page = new DashboardPage(chromium).open(web.loginUrl()).awaitAccess("actions");
            chromium.await("the code to be gone from the address bar", driver -> web.url().equals(driver.getCurrentUrl()));
            page.awaitCell("api", "pid", "to show " + before, pid -> pid.equals(String.valueOf(before)));

            page.button("api", "restart").click();

            long after = Await.value(BackgroundUp.WAIT, "api ready with a new pid", () -> {
                ServiceSnapshot api = stack.service("api");
                return api.state() == ServiceState.READY && api.pid().orElse(before) != before ? api.pid().getAsLong() : null;
            });
            page.awaitCell("api", "pid", "to show the new pid " + after, pid -> pid.equals(String.valueOf(after)));
            stack.up().awaitOutput("api: restart asked by web", BackgroundUp.WAIT);
            assertThat(Processes.alive(before)).isFalse();
            assertThat(stack.service("front").pid()).as("front untouched").hasValue(front);
        }
    }

    @Test
    void withoutTheCookieEveryButtonIsDisabledAndAForgedPostIsRefused() throws Exception {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            WebUrls web = web();
            long api = stack.service("api").pid().orElseThrow();
            DashboardPage page = new DashboardPage(chromium).open(web.url()).awaitAccess("read-only");
            page.button("api", "restart");

            List<WebElement> buttons = page.actionButtons();
            long fromThePage = page.postFromThePage("/api/services/api/restart");
            HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create(web.url() + "api/services/api/restart"))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(HeadlessChromium.WAIT).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(buttons).as("3 services x restart, stop, start, kill, and reload").hasSizeGreaterThanOrEqualTo(13)
                    .allMatch(button -> !button.isEnabled());
            assertThat(page.find("#access").getText()).contains("devstack web");
            assertThat(fromThePage).as("the page's own POST, with no cookie").isEqualTo(401);
            assertThat(plain.statusCode()).as(plain.body()).isEqualTo(401);
            Await.holds(Duration.ofSeconds(1), "api keeps its pid " + api, () -> stack.service("api").pid().orElse(0) == api
                    && stack.service("api").state() == ServiceState.READY);
            assertThat(page.cell("api", "pid")).isEqualTo(String.valueOf(api));
            assertThat(stack.up().out()).doesNotContain("restart asked");
        }
    }

    @Test
    void afterTheStackStopsThePageSaysSoAndFindsTheNextStackByItself() throws Exception {
        List<Long> firstPids;
        try (BackgroundUp first = BackgroundUp.start(projectDir, home);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            WebUrls web = web();
            DashboardPage page = new DashboardPage(chromium).open(web.url());
            long firstApi = first.service("api").pid().orElseThrow();
            page.awaitCell("api", "pid", "to show " + firstApi, pid -> pid.equals(String.valueOf(firstApi)));
            firstPids = first.up().servicePids();

            DevstackProcess.Result down = InProcessDevstack.run(projectDir, home, "down");

            assertThat(down.exitCode()).as(down.err()).isZero();
            page.awaitConnection("disconnected", DashboardPage.RECONNECT);
            assertThat(page.find("#connection").getText()).contains("disconnected");

            try (BackgroundUp second = BackgroundUp.start(projectDir, home)) {
                assertThat(web().url()).as("the API's port is sticky").isEqualTo(web.url());
                page.awaitConnection("live", DashboardPage.RECONNECT);
                for (String name : List.of("api", "front", "worker")) {
                    long pid = second.service(name).pid().orElseThrow();
                    page.awaitCell(name, "pid", "to show the new stack's pid " + pid, text -> text.equals(String.valueOf(pid)));
                }
                assertThat(second.up().servicePids()).doesNotContainAnyElementsOf(firstPids);
            }
        }
    }

    @Test
    void killAsksFirstAndNoLeavesTheServiceRunning() throws Exception {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            long worker = stack.service("worker").pid().orElseThrow();
            DashboardPage page = new DashboardPage(chromium).open(web().loginUrl()).awaitAccess("actions");

            page.button("worker", "kill").click();
            page.find("dialog#confirm[open] button[data-confirm=no]").click();

            chromium.await("dialog#confirm to close", driver -> page.find("dialog#confirm").getDomAttribute("open") == null);
            Await.holds(Duration.ofSeconds(1), "worker keeps its pid " + worker, () ->
                    stack.service("worker").pid().orElse(0) == worker && stack.service("worker").state() == ServiceState.READY);
            assertThat(stack.up().out()).doesNotContain("kill asked");

            page.button("worker", "kill").click();
            page.find("dialog#confirm[open] button[data-confirm=yes]").click();

            stack.await("worker", ServiceState.STOPPED);
            stack.up().awaitOutput("worker: kill asked by web", BackgroundUp.WAIT);
            assertThat(Processes.alive(worker)).isFalse();
            page.awaitCell("worker", "phase", "to say stopped", phase -> phase.contains("stopped"));
        }
    }

    /**
     * The shop example with its page open, at 1280x800: into docs/images/ for the README with
     * -Ddevstack.screenshots, into target/ otherwise (so that every run checks it can be taken).
     */
    @Test
    void screenshotOfTheShopExample(@TempDir Path shop) throws Exception {
        try (Stream<Path> files = Files.list(REPO.resolve("examples/shop"))) {
            for (Path file : files.toList()) {
                Files.copy(file, shop.resolve(file.getFileName()));
            }
        }
        try (BackgroundUp stack = BackgroundUp.start(shop, home, "api and web ready, the worker running", service ->
                service.state() == ServiceState.READY || service.name().equals("worker") && service.state() == ServiceState.RUNNING);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            DashboardPage page = new DashboardPage(chromium).open(web(shop).loginUrl()).awaitAccess("actions");
            for (String name : List.of("api", "web", "worker")) {
                for (String field : List.of("cpu", "memory")) {
                    page.awaitCell(name, field, "to show a figure (usage is sampled every 2 s)", text -> text.matches(".*\\d.*"));
                }
            }
            chromium.await(HeadlessChromium.WAIT, () -> "a job of the worker in #logs; it has:\n"
                    + page.find("#logs").getText(), driver -> page.logLines("worker").stream()
                    .anyMatch(line -> line.getText().contains("done (api says: hello from the api)")));
            Path png = System.getProperty("devstack.screenshots") != null
                    ? REPO.resolve("docs/images/web-dashboard.png") : Path.of("target/web-dashboard.png");

            chromium.screenshot(png);

            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(List.of(image.getWidth(), image.getHeight())).isEqualTo(List.of(1280, 800));
        }
    }

    private WebUrls web() throws IOException {
        return web(projectDir);
    }

    private WebUrls web(Path project) throws IOException {
        DevstackProcess.Result result = InProcessDevstack.run(project, home, "web", "--no-open", "--json");
        assertThat(result.exitCode()).as("devstack web: " + result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        return new WebUrls(json.path("url").asText(), json.path("login_url").asText());
    }

    private static JsonNode get(WebUrls web, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(web.url() + path))
                .timeout(HeadlessChromium.WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
