package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `devstack web` and `up --web` with a real stack and a stand-in browser ($BROWSER, a script that
 * writes down the address it is given): the link it opens carries a code that lets that browser act.
 */
class WebCommandIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;
    @TempDir
    Path projectDir;
    @TempDir
    Path browserDir;

    private Path opened;
    private Map<String, String> browser;

    @BeforeEach
    void project() throws IOException {
        new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--listen")));
        opened = browserDir.resolve("opened.txt");
        Path script = browserDir.resolve("browser");
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" + opened + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        browser = Map.of("BROWSER", script.toString());
    }

    private List<String> openedUrls() {
        try {
            return Files.exists(opened) ? Files.readAllLines(opened) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String apiUrl() {
        return Await.value(WAIT, "the stack's API URL in run.json", () -> {
            try {
                JsonNode url = JSON.readTree(Files.readString(projectDir.resolve(".devstack/run.json")))
                        .path("supervisor").path("api_url");
                return url.isTextual() ? url.asText() : null;
            } catch (IOException notYet) {
                return null;
            }
        });
    }

    /** Trades the code of a login link for the page's cookie, as the page does: the status. */
    private static int trade(String loginUrl) throws IOException, InterruptedException {
        URI uri = URI.create(loginUrl);
        String code = uri.getQuery().substring("code=".length());
        HttpRequest request = HttpRequest.newBuilder(uri.resolve("/api/web/session"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void webOpensTheLinkWithTheBrowserAndItsCodeLetsThatBrowserActOnce() throws Exception {
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            String api = apiUrl();

            DevstackProcess.Result web = DevstackProcess.start(projectDir, home, browser, "web")
                    .awaitExit(WAIT);

            assertThat(web.exitCode()).as(web.err()).isZero();
            assertThat(web.out()).contains("web page " + api + "/ opened with " + browser.get("BROWSER"));
            String link = Await.value(WAIT, "the browser to be given the link", () ->
                    openedUrls().isEmpty() ? null : openedUrls().get(0));
            assertThat(link).startsWith(api + "/?code=");
            assertThat(web.out()).doesNotContain("?code=");
            assertThat(trade(link)).isEqualTo(200);
            assertThat(trade(link)).as("the same code again").isEqualTo(401);
        }
    }

    @Test
    void upWithWebOpensThePageOnceTheStackIsUp() throws Exception {
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, browser, "up", "--web")) {
            String api = apiUrl();

            String link = Await.value(WAIT, "the browser to be given the link", () ->
                    openedUrls().isEmpty() ? null : openedUrls().get(0));

            assertThat(link).startsWith(api + "/?code=");
            up.awaitOutput("web page " + api + "/ opened with", WAIT);
            assertThat(up.out().indexOf("web page " + api + "/ opened with")).as("opened after api was ready")
                    .isGreaterThan(up.out().indexOf("api: ready"));
            assertThat(up.out()).contains("api: ready");
            assertThat(trade(link)).isEqualTo(200);
        }
    }

    @Test
    void upWithWebAndNoOpenerKeepsTheCodeOutOfTheStacksOutputWhichItsApiLetsAnyoneRead() throws Exception {
        try (DevstackProcess up = DevstackProcess.start(projectDir, home,
                Map.of("BROWSER", "", "DISPLAY", "", "WAYLAND_DISPLAY", ""), "up", "--web")) {
            String api = apiUrl();

            up.awaitOutput("web page " + api + "/ (no browser opener here", WAIT);
            HttpRequest events = HttpRequest.newBuilder(URI.create(api + "/api/events?after=0")).build();
            String notice = HTTP.sendAsync(events, HttpResponse.BodyHandlers.ofLines()).thenApply(response -> {
                try (var lines = response.body()) {
                    return lines.filter(line -> line.contains("no browser opener")).findFirst().orElseThrow();
                }
            }).get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(notice).as("the stack's events, which anyone on this machine may read")
                    .contains("devstack web --no-open").doesNotContain("?code=");
            assertThat(up.out()).doesNotContain("?code=");
        }
    }

    @Test
    void withoutABrowserOpenerItPrintsTheLinkToOpenElsewhere() throws Exception {
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            String api = apiUrl();

            DevstackProcess.Result web = DevstackProcess.start(projectDir, home,
                    Map.of("BROWSER", "", "DISPLAY", "", "WAYLAND_DISPLAY", ""), "web").awaitExit(WAIT);

            assertThat(web.exitCode()).isZero();
            assertThat(web.out()).contains("web page " + api + "/ (no browser opener here", "within a minute: "
                    + api + "/?code=");
        }
        DevstackProcess.Result none = InProcessDevstack.run(projectDir, home, "web");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.NOT_RUNNING);
        assertThat(none.err()).contains("no stack runs", "devstack up");
    }
}
