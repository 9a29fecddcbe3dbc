package dev.devstack.app.http;

import static dev.devstack.app.testing.LiveStack.await;
import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.app.AgentPort;
import dev.devstack.app.ProjectContext;
import dev.devstack.app.RunState;
import dev.devstack.app.RunStateFile;
import dev.devstack.app.UpOptions;
import dev.devstack.app.UpSession;
import dev.devstack.app.testing.LiveStack;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API of a real stack, over real HTTP on 127.0.0.1: every endpoint, the token, the Host check, events. */
class HttpApiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STACK = """
            services:
              web: { command: "%s" }
              other: { command: "%s" }
            """.formatted(service("--dump env.json --print hello --listen"), service("--listen"));

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    private LiveStack stack;

    @BeforeEach
    void setUp() {
        stack = new LiveStack(projectDir, home);
    }

    @AfterEach
    void endEverything() {
        stack.close();
    }

    /** Starts the stack and waits for both services; the session, for its API's URL. */
    private UpSession up(String yaml) {
        stack.project().write("ports.yaml", yaml);
        UpSession session = stack.open(UpOptions.ALL);
        session.start();
        for (ServiceSnapshot service : session.supervisor().snapshot().services()) {
            await(session.supervisor(), service.name(), ServiceState.READY);
        }
        return session;
    }

    @Test
    void withUrlsByNameThePortsAnswerCarriesEachServicesNameThroughTheAgent() {
        UpSession session = up("project: shop\nurls: names\n" + STACK);
        ApiClient api = new ApiClient(session.apiUrl().orElseThrow());

        ApiClient.Answer ports = api.get("/api/ports");

        int agent = session.agentPort().orElseThrow();
        assertThat(ports.body().path("names").path("web").asText()).isEqualTo("http://web.shop.localhost:" + agent);
        assertThat(ports.body().path("urls").path("other").asText()).isEqualTo("http://other.shop.localhost:" + agent);
        assertThat(ports.body().path("data").path("web").path("url").asText())
                .isEqualTo("http://web.shop.localhost:" + agent);
        assertThat(agent).as("the default, with nothing asked and nothing remembered").isEqualTo(
                System.getenv().containsKey(AgentPort.VARIABLE) ? agent : AgentPort.DEFAULT);
    }

    @Test
    void theReadsTellEveryServicesPortsStateAndHealth() {
        UpSession session = up(STACK);
        Supervisor supervisor = session.supervisor();
        ApiClient api = new ApiClient(session.apiUrl().orElseThrow());
        int web = supervisor.snapshot().service("web").orElseThrow().ports().get(0);

        ApiClient.Answer ports = api.get("/api/ports");
        assertThat(ports.status()).isEqualTo(200);
        assertThat(ports.headers().get("content-type")).containsExactly("application/json");
        assertThat(ports.body().path("success").asBoolean()).isTrue();
        assertThat(ports.body().path("data").path("web").path("port").asInt()).isEqualTo(web);
        assertThat(ports.body().path("data").path("web").path("url").asText()).isEqualTo("http://127.0.0.1:" + web);
        assertThat(ports.body().path("urls").path("web").asText()).isEqualTo("http://127.0.0.1:" + web);
        assertThat(ports.body().path("api_url").asText()).isEqualTo(session.apiUrl().orElseThrow());
        assertThat(ports.body().path("names").isEmpty()).as("no names while the URLs are ports").isTrue();

        ApiClient.Answer services = api.get("/api/services");
        assertThat(services.status()).isEqualTo(200);
        assertThat(services.body().path("data").path("services").findValuesAsText("name"))
                .containsExactly("web", "other");
        assertThat(services.body().path("data").path("phase").asText()).isEqualTo("running");

        ApiClient.Answer one = api.get("/api/services/web");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().path("data").path("state").asText()).isEqualTo("ready");
        assertThat(one.body().path("data").path("pid").asLong())
                .isEqualTo(supervisor.snapshot().service("web").orElseThrow().pid().orElseThrow());

        ApiClient.Answer health = api.get("/api/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("data").path("status").asText()).isEqualTo("ok");
        assertThat(health.body().path("data").path("states").path("ready").asInt()).isEqualTo(2);
        assertThat(health.body().path("data").has("services")).isFalse();

        JsonNode detailed = api.get("/api/health?detailed=true").body().path("data").path("services");
        assertThat(detailed.findValuesAsText("name")).containsExactly("web", "other");
        JsonNode webHealth = detailed.get(0);
        assertThat(webHealth.path("ready").asBoolean()).isTrue();
        assertThat(webHealth.path("readiness").path("kind").asText()).isEqualTo("ready");
        assertThat(webHealth.path("readiness").path("text").asText()).contains("port " + web + " accepts connections");
        assertThat(webHealth.path("uptime").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(webHealth.path("restarts").asInt()).isZero();
        assertThat(webHealth.path("health").isNull()).isTrue();
    }

    @Test
    void mistakesAreAnsweredWithAStatusAndAJsonErrorNeverATrace() {
        UpSession session = up(STACK);
        ApiClient api = new ApiClient(session.apiUrl().orElseThrow());
        String token = ApiClient.token(home);

        ApiClient.Answer unknownService = api.get("/api/services/nope");
        assertThat(unknownService.status()).isEqualTo(404);
        assertThat(unknownService.body().path("success").asBoolean()).isFalse();
        assertThat(unknownService.body().path("error").asText()).contains("no service `nope`", "web, other");
        assertThat(api.post("/api/services/nope/restart", token).status()).isEqualTo(404);
        assertThat(api.get("/api/nothing").status()).isEqualTo(404);
        ApiClient.Answer wrongMethod = api.post("/api/ports", token);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers().get("allow")).containsExactly("GET");
        assertThat(api.get("/api/services/web/restart").status()).isEqualTo(405);
        ApiClient.Answer badLines = api.get("/api/services/web/logs?lines=lots");
        assertThat(badLines.status()).isEqualTo(400);
        assertThat(badLines.body().path("error").asText()).contains("?lines", "lots");
    }

    @Test
    void reloadNeedsTheTokenAndWithItStartsAnAddedServiceLeavingTheOthersRunningAndRefusesABrokenFile() {
        UpSession session = up(STACK);
        Supervisor supervisor = session.supervisor();
        ApiClient api = new ApiClient(session.apiUrl().orElseThrow());
        ServiceSnapshot web = supervisor.snapshot().service("web").orElseThrow();
        stack.project().write("ports.yaml", STACK + "  added: { command: \"" + service("--listen") + "\" }\n");

        ApiClient.Answer refused = api.post("/api/reload", null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(supervisor.snapshot().service("added")).isEmpty();

        ApiClient.Answer reload = api.post("/api/reload", ApiClient.token(home));

        assertThat(reload.status()).as(reload.body().toString()).isEqualTo(200);
        assertThat(reload.body().path("success").asBoolean()).isTrue();
        JsonNode applied = reload.body().path("data");
        assertThat(applied.path("kind").asText()).isEqualTo("applied");
        assertThat(applied.path("started").toString()).as("the refused request changed nothing").isEqualTo("[\"added\"]");
        assertThat(applied.path("unchanged").toString()).isEqualTo("[\"web\",\"other\"]");
        await(supervisor, "added", ServiceState.READY);
        ServiceSnapshot after = supervisor.snapshot().service("web").orElseThrow();
        assertThat(after.pid()).isEqualTo(web.pid());
        assertThat(after.ports()).isEqualTo(web.ports());
        assertThat(stack.notices("")).anyMatch(notice -> notice.startsWith("configuration read again (asked by the HTTP API)"));

        stack.project().write("ports.yaml", STACK + "  added: { comand: x }\n");
        ApiClient.Answer invalid = api.post("/api/reload", ApiClient.token(home));

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().path("success").asBoolean()).isFalse();
        assertThat(invalid.body().path("error").asText()).isEqualTo("the configuration has 2 problems; nothing changed");
        assertThat(invalid.body().path("data").path("kind").asText()).isEqualTo("invalid");
        JsonNode problems = invalid.body().path("data").path("problems");
        assertThat(problems.findValuesAsText("file")).allMatch(file -> file.endsWith("ports.yaml"));
        assertThat(problems.findValues("line")).extracting(JsonNode::asInt).containsOnly(4);
        assertThat(problems.findValues("column")).extracting(JsonNode::asInt).allMatch(column -> column > 0);
        assertThat(problems.findValuesAsText("message")).anyMatch(message -> message.contains("unknown key `comand`"));
        assertThat(supervisor.snapshot().service("added").orElseThrow().state()).isEqualTo(ServiceState.READY);
    }

    @Test
    void anActionWithoutTheTokenIsRefusedAndChangesNothingAndWithItRestartsOnTheSamePort() {
        UpSession session = up(STACK);
        Supervisor supervisor = session.supervisor();
        ApiClient api = new ApiClient(session.apiUrl().orElseThrow());
        ServiceSnapshot before = supervisor.snapshot().service("web").orElseThrow();
        long otherPid = supervisor.snapshot().service("other").orElseThrow().pid().orElseThrow();

        ApiClient.Answer missing = api.post("/api/services/web/restart", null);
        ApiClient.Answer wrong = api.post("/api/services/web/kill", "0".repeat(64));
        ApiClient.Answer stopStack = api.post("/api/stop", "not the token");

        for (ApiClient.Answer refused : List.of(missing, wrong, stopStack)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body().path("success").asBoolean()).isFalse();
            assertThat(refused.body().path("error").asText()).contains(home.resolve("api-token").toString());
        }
        assertThat(missing.headers().get("www-authenticate")).isNotEmpty();
        // the stack's requests are handled in order: once this one is done, a refused one would have been too
        assertThat(api.post("/api/services/other/restart", ApiClient.token(home)).status()).isEqualTo(202);
        Await.until(WAIT, "other to run again", () -> supervisor.snapshot().service("other").orElseThrow().pid()
                .stream().anyMatch(pid -> pid != otherPid));
        await(supervisor, "other", ServiceState.READY);
        ServiceSnapshot untouched = supervisor.snapshot().service("web").orElseThrow();
        assertThat(untouched.state()).isEqualTo(ServiceState.READY);
        assertThat(untouched.pid()).isEqualTo(before.pid());
        assertThat(stack.details("web", ServiceState.PENDING)).isEmpty();

        ApiClient.Answer restart = api.post("/api/services/web/restart", ApiClient.token(home));

        assertThat(restart.status()).isEqualTo(202);
        assertThat(restart.body().path("data").path("action").asText()).isEqualTo("restart");
        Await.until(WAIT, "web to run again", () -> supervisor.snapshot().service("web").orElseThrow().pid()
                .stream().anyMatch(pid -> pid != before.pid().getAsLong()));
        ServiceSnapshot after = await(supervisor, "web", ServiceState.READY);
        assertThat(after.ports()).isEqualTo(before.ports());
    }

    @Test
    void stopAndStartOfOneServiceAndStopOfTheStackAreActions() {
        UpSession session = up(STACK);
        Supervisor supervisor = session.supervisor();
        ApiClient api = new ApiClient(session.apiUrl().orElseThrow());
        String token = ApiClient.token(home);

        assertThat(api.post("/api/services/web/stop", token).status()).isEqualTo(202);
        ServiceSnapshot stopped = await(supervisor, "web", ServiceState.STOPPED);
        assertThat(DetailText.of(stopped.detail())).contains("stopped");
        assertThat(stack.notices("web")).contains("stop asked by the HTTP API");
        assertThat(api.post("/api/services/web/start", token).status()).isEqualTo(202);
        await(supervisor, "web", ServiceState.READY);
        assertThat(api.post("/api/services/web/kill", token).status()).isEqualTo(202);
        Await.until(WAIT, "web to be killed", () -> supervisor.snapshot().service("web").orElseThrow().state().isTerminal());

        assertThat(api.post("/api/stop", token).status()).isEqualTo(202);

        Await.until(WAIT, "the stack to stop", () -> supervisor.finished().isDone());
        assertThat(supervisor.finished().join().stopRequested()).isTrue();
    }

    @Test
    void aRequestThatNamesAnotherHostIsRefusedSoThatDnsRebindingCannotReachIt() throws IOException {
        UpSession session = up(STACK);
        URI url = URI.create(session.apiUrl().orElseThrow());

        String refused = raw(url.getPort(), "GET /api/ports HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        String rebound = raw(url.getPort(), "GET /api/ports HTTP/1.1\r\nHost: evil.example:" + url.getPort()
                + "\r\nConnection: close\r\n\r\n");
        String loopback = raw(url.getPort(), "GET /api/ports HTTP/1.1\r\nHost: localhost:" + url.getPort()
                + "\r\nConnection: close\r\n\r\n");
        String ipv6 = raw(url.getPort(), "GET /api/ports HTTP/1.1\r\nHost: [::1]:" + url.getPort()
                + "\r\nConnection: close\r\n\r\n");

        assertThat(refused).startsWith("HTTP/1.1 403").contains("\"success\":false", "evil.example")
                .doesNotContain("\"urls\"");
        assertThat(rebound).startsWith("HTTP/1.1 403");
        assertThat(loopback).startsWith("HTTP/1.1 200").contains("\"urls\"");
        assertThat(ipv6).startsWith("HTTP/1.1 200");
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void eventsArriveInOrderAndAReconnectingClientResumesAfterTheLastItSaw() {
        UpSession session = up(STACK);
        ApiClient api = new ApiClient(session.apiUrl().orElseThrow());
        List<SseClient.Event> seen;
        try (SseClient events = api.events("/api/events", null)) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.contentType()).startsWith("text/event-stream");
            SseClient.Event first = events.next(WAIT);
            assertThat(first.event()).isEqualTo("snapshot");
            assertThat(first.data().path("services").findValuesAsText("state")).containsExactly("ready", "ready");

            api.post("/api/services/web/restart", ApiClient.token(home));

            seen = events.until(WAIT, e -> e.event().equals("state_changed")
                    && e.data().path("service").asText().equals("web") && e.data().path("state").asText().equals("ready"));
            List<Long> ids = seen.stream().map(SseClient.Event::sequence).toList();
            assertThat(ids).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
            assertThat(ids.get(0)).isEqualTo(first.sequence() + 1);
            assertThat(seen).anyMatch(e -> e.event().equals("output") && e.data().path("line").asText().equals("hello"));
            assertThat(seen.stream().map(e -> e.data().path("schema_version").asInt())).containsOnly(1);
        }
        SseClient.Event resumeAfter = seen.get(1);
        try (SseClient again = api.events("/api/events", resumeAfter.id())) {
            SseClient.Event next = again.next(WAIT);
            assertThat(next.sequence()).isEqualTo(resumeAfter.sequence() + 1);
            assertThat(next.data()).isEqualTo(seen.get(2).data());
        }
        try (SseClient fromTheStart = api.events("/api/events?after=0", null)) {
            assertThat(fromTheStart.next(WAIT).sequence()).isEqualTo(1);
        }
    }

    @Test
    void aServicesLogsAreItsLastLinesThenWhatItPrintsNext() {
        UpSession session = up(STACK);
        ApiClient api = new ApiClient(session.apiUrl().orElseThrow());

        ApiClient.Answer history = api.get("/api/services/web/logs?lines=10");
        assertThat(history.status()).isEqualTo(200);
        JsonNode lines = history.body().path("data").path("lines");
        assertThat(lines.findValuesAsText("line")).containsExactly("hello");
        assertThat(lines.get(0).path("service").asText()).isEqualTo("web");
        assertThat(lines.get(0).path("source").asText()).isEqualTo("stdout");
        assertThat(lines.get(0).path("at").asText()).isNotEmpty();

        try (SseClient logs = api.events("/api/services/web/logs?follow=1", null)) {
            SseClient.Event first = logs.next(WAIT);
            assertThat(first.event()).isEqualTo("output");
            assertThat(first.data().path("line").asText()).isEqualTo("hello");

            api.post("/api/services/other/restart", ApiClient.token(home));
            api.post("/api/services/web/restart", ApiClient.token(home));

            SseClient.Event next = logs.next(WAIT);
            assertThat(next.event()).isEqualTo("output");
            assertThat(next.data().path("service").asText()).as("only web's lines").isEqualTo("web");
            assertThat(next.data().path("line").asText()).isEqualTo("hello");
            assertThat(next.sequence()).isGreaterThan(first.sequence());
        }
    }

    @Test
    void aClientThatReadsNothingIsCutOffWhileAnotherKeepsReceivingEverything() throws Exception {
        // floods only once the file `flood` exists: its first run is quick; at most 5,000 lines a second,
        // which a reading client keeps up with, and 40,000 of them, far more than a client that reads
        // nothing can have waiting in its socket and its queue
        String flood = "python3 -u -c \\\"import os, time\\nif os.path.exists('flood'):\\n"
                + "    for i in range(40000):\\n        print('line %d ' % i + 'x' * 200)\\n"
                + "        if i % 50 == 0: time.sleep(0.01)\\nprint('flood done', flush=True)\\ntime.sleep(3600)\\\"";
        UpSession session = up("""
                services:
                  flood: { command: "%s", ready: { log: "flood done" } }
                """.formatted(flood));
        Supervisor supervisor = session.supervisor();
        URI url = URI.create(session.apiUrl().orElseThrow());
        ApiClient api = new ApiClient(url.toString());

        try (Socket slow = new Socket(); SseClient fast = api.events("/api/events", null)) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", url.getPort()), 5000);
            slow.getOutputStream().write("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            assertThat(fast.next(WAIT).event()).isEqualTo("snapshot");

            stack.project().write("flood", "");
            api.post("/api/services/flood/restart", ApiClient.token(home));

            List<SseClient.Event> all = fast.until(Duration.ofSeconds(60), e -> e.event().equals("output")
                    && e.data().path("line").asText().equals("flood done"));
            assertThat(all.stream().filter(e -> e.event().equals("output")).count()).isGreaterThanOrEqualTo(40_001);
            assertThat(all).noneMatch(e -> e.event().equals("cut_off"));

            String slowGot = readToEnd(slow, Duration.ofSeconds(30));
            assertThat(slowGot).startsWith("HTTP/1.1 200").contains("\"line\":\"line 0 ")
                    .as("cut off long before the end").doesNotContain("\"line\":\"flood done\"");
        }
        try (SseClient late = api.events("/api/events", "1")) {
            SseClient.Event missed = late.next(WAIT);
            assertThat(missed.event()).as("the first events are no longer held").isEqualTo("missed");
            assertThat(missed.data().path("first").asLong()).isEqualTo(2);
            SseClient.Event next = late.next(WAIT);
            assertThat(next.sequence()).isEqualTo(missed.data().path("last").asLong() + 1);
            assertThat(missed.sequence()).isEqualTo(missed.data().path("last").asLong());
        }
        assertThat(supervisor.snapshot().service("flood").orElseThrow().state()).isEqualTo(ServiceState.READY);
    }

    /** Everything the server sends until it closes the connection; fails if it is still open after {@code within}. */
    private static String readToEnd(Socket socket, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        socket.setSoTimeout(500);
        InputStream in = socket.getInputStream();
        StringBuilder got = new StringBuilder();
        byte[] buffer = new byte[65536];
        while (System.nanoTime() < deadline) {
            try {
                int read = in.read(buffer);
                if (read < 0) {
                    return got.toString();
                }
                got.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            } catch (SocketTimeoutException quiet) {
                // still open: read again until the deadline
            } catch (IOException reset) {
                return got.toString();
            }
        }
        throw new AssertionError("the server kept the slow client's connection open; it got " + got.length() + " chars");
    }

    @Test
    void everyServiceAndRunJsonAreToldTheApisUrlAndTheTokenFileIsPrivate() throws IOException {
        UpSession session = up(STACK);

        Await.until(WAIT, "web to dump its environment", () -> stack.project().exists("env.json"));

        assertThat(stack.project().environment("env.json")).containsEntry("DEVSTACK_API_URL", session.apiUrl().orElseThrow());
        assertThat(session.apiUrl().orElseThrow()).startsWith("http://127.0.0.1:");
        RunStateFile runJson = new RunStateFile(projectDir.resolve(".devstack"));
        Await.until(WAIT, "run.json to name the API", () -> runJson.read().flatMap(RunState::apiUrl)
                .equals(session.apiUrl()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("api-token"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
    }

    @Test
    void theApiKeepsItsPortFromOneUpToTheNext() {
        stack.project().write("ports.yaml", STACK);
        ProjectContext context = new ProjectContext(projectDir, System.getenv(), home, "default", Clock.systemUTC());
        String first;
        try (UpSession session = UpSession.open(context, UpOptions.ALL, warning -> { })) {
            first = session.apiUrl().orElseThrow();
        }
        try (UpSession again = UpSession.open(context, UpOptions.ALL, warning -> { })) {
            assertThat(again.apiUrl()).contains(first);
        }
    }
}
