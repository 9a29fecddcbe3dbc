package dev.devstack.app.http;

import static dev.devstack.app.testing.LiveStack.await;
import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.app.UpOptions;
import dev.devstack.app.UpSession;
import dev.devstack.app.testing.LiveStack;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the web page stands on, over real HTTP to a real stack: its files, the one-time code and the
 * cookie it is traded for, who the cookie lets act, and the reads only the page uses.
 */
class WebAccessIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STACK = """
            services:
              web: { command: "%s" }
              other: { command: "%s" }
            """.formatted(service("--print hello --listen"), service("--listen"));

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    private LiveStack stack;
    private UpSession session;
    private ApiClient api;
    private String origin;

    @BeforeEach
    void up() {
        stack = new LiveStack(projectDir, home);
        stack.project().write("ports.yaml", STACK);
        session = stack.open(UpOptions.ALL);
        session.start();
        for (ServiceSnapshot service : session.supervisor().snapshot().services()) {
            await(session.supervisor(), service.name(), ServiceState.READY);
        }
        origin = session.apiUrl().orElseThrow();
        api = new ApiClient(origin);
    }

    @AfterEach
    void endEverything() {
        stack.close();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(origin + path));
    }

    /** What the page holds once it traded its code: the cookie ({@code name=value}) and its key. */
    private record Held(String cookie, String key) {
    }

    /** Trades a fresh code, as the page does. */
    private Held pass() {
        ApiClient.Answer traded = api.send(request("/api/web/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + WebPass.code(ApiToken.of(home),
                        origin, Instant.now()) + "\"}")));
        assertThat(traded.status()).isEqualTo(200);
        String setCookie = traded.headers().get("set-cookie").get(0);
        return new Held(setCookie.substring(0, setCookie.indexOf(';')), traded.body().path("data").path("key").asText());
    }

    private ApiClient.Answer restartAs(String cookie, String key, String requestOrigin) {
        HttpRequest.Builder restart = request("/api/services/web/restart").POST(HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            restart.header("Cookie", cookie);
        }
        if (key != null) {
            restart.header("X-Devstack-Key", key);
        }
        if (requestOrigin != null) {
            restart.header("Origin", requestOrigin);
        }
        return api.send(restart);
    }

    @Test
    void thePageIsServedFromTheJarWithAPolicyThatLetsItTalkOnlyToItsOwnStack() {
        HttpResponse<String> page = api.text(request("/").GET());
        HttpResponse<String> missing = api.text(request("/web/nothing.js").GET());
        HttpResponse<String> outside = api.text(request("/web/..%2Fhttp%2FApiToken.class").GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).startsWithIgnoringCase("<!doctype html>");
        assertThat(page.headers().firstValue("content-security-policy").orElseThrow())
                .contains("default-src 'self'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("referrer-policy")).hasValue("no-referrer");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(api.send(request("/").POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(405);
    }

    @Test
    void aCodeIsGoodOnceAndItsCookieLetsThePageActWithTheStackSayingWebAsked() {
        Supervisor supervisor = session.supervisor();
        long before = supervisor.snapshot().service("web").orElseThrow().pid().orElseThrow();
        assertThat(api.get("/api/web/session").body().path("data").path("actions").asBoolean()).isFalse();
        String code = WebPass.code(ApiToken.of(home), origin, Instant.now());
        HttpRequest.Builder trade = request("/api/web/session").POST(HttpRequest.BodyPublishers.ofString(
                "{\"code\":\"" + code + "\"}"));

        ApiClient.Answer first = api.send(trade);
        ApiClient.Answer again = api.send(trade);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().get("set-cookie").get(0)).contains("HttpOnly", "SameSite=Strict");
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.body().path("error").asText()).contains("devstack web");
        String cookie = first.headers().get("set-cookie").get(0).split(";")[0];
        String key = first.body().path("data").path("key").asText();
        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(api.send(request("/api/web/session").header("Cookie", cookie).header("X-Devstack-Key", key).GET())
                .body().path("data").path("actions").asBoolean()).isTrue();

        assertThat(restartAs(cookie, key, origin).status()).isEqualTo(202);

        Await.until(WAIT, "web to run again", () -> supervisor.snapshot().service("web").orElseThrow().pid()
                .stream().anyMatch(pid -> pid != before));
        assertThat(stack.notices("web")).contains("restart asked by web");
    }

    @Test
    void thePassActsOnlyFromThePageItselfAndTheCookieThatEveryLocalServerGetsActsOnNothingWithoutItsKey() {
        Supervisor supervisor = session.supervisor();
        long before = supervisor.snapshot().service("web").orElseThrow().pid().orElseThrow();
        Held held = pass();
        URI self = URI.create(origin);

        ApiClient.Answer otherPort = restartAs(held.cookie(), held.key(), "http://127.0.0.1:" + (self.getPort() + 1));
        ApiClient.Answer noOrigin = restartAs(held.cookie(), held.key(), null);
        ApiClient.Answer cookieAlone = restartAs(held.cookie(), null, origin);
        ApiClient.Answer keyAlone = restartAs(null, held.key(), origin);
        ApiClient.Answer forgedCookie = restartAs(held.cookie().substring(0, held.cookie().length() - 4) + "0000",
                held.key(), origin);

        assertThat(otherPort.status()).isEqualTo(403);
        assertThat(otherPort.body().path("error").asText()).contains("http://127.0.0.1:" + (self.getPort() + 1), origin);
        assertThat(noOrigin.status()).isEqualTo(403);
        assertThat(List.of(cookieAlone, keyAlone, forgedCookie)).extracting(ApiClient.Answer::status).containsOnly(401);
        assertThat(api.send(request("/api/web/session").header("Cookie", held.cookie()).GET()).body().path("data")
                .path("actions").asBoolean()).as("the cookie alone").isFalse();
        assertThat(supervisor.snapshot().service("web").orElseThrow().pid()).hasValue(before);
        assertThat(stack.notices("web")).noneMatch(notice -> notice.contains("restart asked"));
    }

    @Test
    void usageAndTheMachinesPortsTellWhatTheTerminalDashboardShows() {
        Supervisor supervisor = session.supervisor();
        ServiceSnapshot web = supervisor.snapshot().service("web").orElseThrow();

        JsonNode usage = api.get("/api/usage").body().path("data").path("services");
        Await.until(WAIT, "a second sample, with CPU", () -> api.get("/api/usage").body().path("data")
                .path("services").path("web").path("cpu_percent").isNumber());
        JsonNode ports = api.get("/api/machine/ports").body().path("data");

        assertThat(usage.path("web").path("memory_bytes").asLong()).isGreaterThan(1_000_000);
        assertThat(usage.path("other").path("memory_bytes").asLong()).isGreaterThan(1_000_000);
        JsonNode row = StreamSupport.stream(ports.spliterator(), false)
                .filter(port -> port.path("port").asInt() == web.ports().get(0)).findFirst().orElseThrow();
        assertThat(row.path("pid").asLong()).isEqualTo(web.listener().orElse(web.pid().orElseThrow()));
        assertThat(row.path("lease").path("owner").asText()).endsWith("/web");
        assertThat(row.path("lease").path("this_project").asBoolean()).isTrue();
        assertThat(row.path("conflict").asBoolean()).isFalse();
        assertThat(row.path("addresses").get(0).asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void aNewEventStreamStartsWithTheStacksLastLinesAndItsSnapshotAndGetsOneAfterEachChange() {
        Supervisor supervisor = session.supervisor();
        long before = supervisor.snapshot().service("web").orElseThrow().pid().orElseThrow();

        try (SseClient events = api.events("/api/events?snapshots=true&lines=50", null)) {
            List<SseClient.Event> start = events.until(WAIT, e -> e.event().equals("snapshot"));
            assertThat(start).anyMatch(e -> e.event().equals("output") && e.data().path("line").asText().equals("hello"));
            assertThat(start.get(start.size() - 1).sequence()).isGreaterThanOrEqualTo(
                    start.stream().mapToLong(SseClient.Event::sequence).max().orElseThrow());

            api.post("/api/services/web/restart", ApiClient.token(home));

            List<SseClient.Event> after = events.until(WAIT, e -> e.event().equals("snapshot")
                    && StreamSupport.stream(e.data().path("services").spliterator(), false).anyMatch(service ->
                    service.path("name").asText().equals("web") && service.path("state").asText().equals("ready")
                            && service.path("pid").asLong() != before));
            assertThat(after).anyMatch(e -> e.event().equals("state_changed"));
        }
        assertThat(api.get("/api/events?lines=5001").status()).isEqualTo(400);
    }

    @Test
    void whenTheStackStopsAStreamGetsItsLastEventsAndEndsProperlySoThatABrowserSeesAnEndNotABreak() {
        try (SseClient events = api.events("/api/events", null)) {
            events.until(WAIT, e -> e.event().equals("snapshot"));

            assertThat(api.post("/api/stop", ApiClient.token(home)).status()).isEqualTo(202);

            List<SseClient.Event> last = events.until(WAIT, e -> e.event().equals("state_changed")
                    && e.data().path("service").asText().equals("web") && e.data().path("state").asText().equals("stopped"));
            assertThat(last).isNotEmpty();
            Await.until(WAIT, "the stack to stop", () -> session.supervisor().finished().isDone());
            stack.close();
            assertThat(events.endsCleanly(WAIT)).as("the response ended with its last chunk").isTrue();
        }
    }
}
