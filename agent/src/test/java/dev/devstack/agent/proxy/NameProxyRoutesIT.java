package dev.devstack.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.agent.names.Route;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the proxy answers itself: pages for names that lead to no running service, refusals, its own site. */
class NameProxyRoutesIT {

    private final AtomicReference<LocalRequest> asked = new AtomicReference<>();
    private NameProxy proxy;
    private int downPort;
    private String at;

    @BeforeAll
    static void curlResolvesLocalhost() throws Exception {
        Curl.requireResolvingLocalhost();
    }

    @BeforeEach
    void start() throws Exception {
        downPort = closedPort();
        StubRoutes routes = new StubRoutes(List.of(
                new Route.Known("web.shop.localhost", "web", "shop", "running"),
                new Route.Known("api.shop.localhost", "api", "shop", "starting")))
                .put("api.shop.localhost", new Route.Waiting("api", "shop", "starting",
                        List.of("listening soon", "<script>alert('owned')</script> & more")))
                .put("down.shop.localhost", new Route.Forward("down", "shop", downPort))
                .put("devstack.localhost", new Route.Local())
                .put("broken.localhost", new Route.Local());
        proxy = NameProxy.start(0, routes, this::answer, ProxyLimits.DEFAULTS);
        at = ":" + proxy.port();
    }

    private CompletableFuture<LocalAnswer> answer(LocalRequest request) {
        asked.set(request);
        if (request.header("host").orElse("").startsWith("broken")) {
            return CompletableFuture.supplyAsync(() -> {
                throw new IllegalStateException("the registry file is locked by pid 4242");
            });
        }
        return CompletableFuture.supplyAsync(() -> LocalAnswer.json(201, "{\"got\":" + request.body().length + "}"));
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void aStartingServiceGetsAPageWithItsPhaseAndEscapedLastLines() throws Exception {
        Curl.Result result = Curl.run("-i", "http://api.shop.localhost" + at + "/");

        assertThat(result.out()).startsWith("HTTP/1.1 503").contains("Retry-After: 2", "http-equiv=\"refresh\"",
                "api", "shop", "starting", "listening soon",
                "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; &amp; more").doesNotContain("<script>");
    }

    @Test
    void anUnknownNameGetsAPageListingTheNamesThatExist() throws Exception {
        Curl.Result result = Curl.run("-i", "http://nope.shop.localhost" + at + "/");

        assertThat(result.out()).startsWith("HTTP/1.1 404").contains("No service is named nope.shop.localhost",
                "<a href=\"http://web.shop.localhost" + at + "/\">", "<a href=\"http://api.shop.localhost" + at + "/\">",
                "starting");
    }

    @Test
    void aHostOutsideLocalhostIsRefusedAsHeaderAndAsAbsoluteTarget() throws Exception {
        Curl.Result byHeader = Curl.run("-i", "-H", "Host: evil.example.com", "http://127.0.0.1" + at + "/");
        Curl.Result throughProxy = Curl.run("-i", "-x", "http://127.0.0.1" + at, "http://example.com/");

        assertThat(byHeader.out()).startsWith("HTTP/1.1 403").contains("evil.example.com", ".localhost");
        assertThat(throughProxy.out()).startsWith("HTTP/1.1 403").contains("example.com", ".localhost");
    }

    @Test
    void anAbsoluteTargetWinsOverTheHostHeader() throws Exception {
        try (RawClient client = new RawClient(proxy.port())) {
            String answer = client.send("GET http://example.com/ HTTP/1.1\r\nHost: devstack.localhost\r\n"
                    + "Connection: close\r\n\r\n").readUntilClosed(Duration.ofSeconds(10));

            assertThat(answer).startsWith("HTTP/1.1 403").contains("example.com");
        }
        assertThat(asked.get()).isNull();
    }

    @Test
    void theAgentsOwnSiteAnswersWhatTheLocalSiteSays() throws Exception {
        Curl.Result result = Curl.run("-i", "--data-binary", "{\"name\":\"db\"}", "-H", "Content-Type: application/json",
                "http://devstack.localhost" + at + "/api/claims?name=db");

        assertThat(result.out()).startsWith("HTTP/1.1 201").contains("application/json").endsWith("{\"got\":13}");
        assertThat(asked.get().method()).isEqualTo("POST");
        assertThat(asked.get().target()).isEqualTo("/api/claims?name=db");
        assertThat(asked.get().header("content-type")).contains("application/json");
        assertThat(asked.get().remote().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void aFailedAnswerOfTheOwnSiteIsJsonWithoutATrace() throws Exception {
        Curl.Result result = Curl.run("-i", "http://broken.localhost" + at + "/api/ports");

        assertThat(result.out()).startsWith("HTTP/1.1 500")
                .endsWith("{\"schema_version\":1,\"success\":false,\"error\":\"the registry file is locked by pid 4242\"}")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void aBodyTooLargeForTheOwnSiteIsRefused() throws Exception {
        Curl.Result result = Curl.run("-i", "--data-binary", "x".repeat(LocalRequest.MAX_BODY + 1),
                "http://devstack.localhost" + at + "/api/claims");

        assertThat(result.out()).startsWith("HTTP/1.1 413");
        assertThat(asked.get()).isNull();
    }

    @Test
    void aServiceThatDoesNotAcceptGetsAPageThatRetries() throws Exception {
        Curl.Result result = Curl.run("-i", "http://down.shop.localhost" + at + "/");

        assertThat(result.out()).startsWith("HTTP/1.1 502").contains("<b>down</b>", "<b>shop</b>", "<b>" + downPort + "</b>", "http-equiv=\"refresh\"");
    }

    @Test
    void aRequestWithoutHostIsMalformed() throws Exception {
        try (RawClient client = new RawClient(proxy.port())) {
            String answer = client.send("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").readUntilClosed(Duration.ofSeconds(10));

            assertThat(answer).startsWith("HTTP/1.1 400").contains("Host");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
