package dev.devstack.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.agent.names.Route;
import dev.devstack.supervisor.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clients that send garbage, too much, too slowly or nothing at all: each is refused or timed out, and others are served. */
class NameProxyHostileIT {

    /** Holds connections open from another process: the test JVM's own descriptors would not last for both ends. */
    private static final String HALF_OPEN = """
            import resource, socket, sys
            count, port = int(sys.argv[1]), int(sys.argv[2])
            soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
            if soft < count + 64:
                resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 64), hard))
            held = []
            for i in range(count):
                s = socket.create_connection(("127.0.0.1", port))
                if i % 2 == 0:
                    s.sendall(b"GET / HTTP/1.1\\r\\nHost: web.shop.loc")
                held.append(s)
            print("holding", len(held), flush=True)
            sys.stdin.read()
            """;

    private HttpBackend web;
    private StubRoutes routes;
    private NameProxy proxy;

    @BeforeAll
    static void curlResolvesLocalhost() throws Exception {
        Curl.requireResolvingLocalhost();
    }

    @BeforeEach
    void start() throws Exception {
        web = new HttpBackend();
        routes = new StubRoutes(List.of()).put("web.shop.localhost", new Route.Forward("web", "shop", web.port()));
    }

    private void startProxy(ProxyLimits limits) throws IOException {
        proxy = NameProxy.start(0, routes, request -> CompletableFuture.failedFuture(new AssertionError()), limits);
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        web.close();
    }

    @Test
    void aMalformedRequestLineIsAnswered400AndClosed() throws Exception {
        startProxy(ProxyLimits.DEFAULTS);
        try (RawClient client = new RawClient(proxy.port())) {
            String answer = client.send("this is not http\r\n\r\n").readUntilClosed(Duration.ofSeconds(10));

            assertThat(answer).startsWith("HTTP/1.1 400");
        }
        assertServesOthers();
    }

    @Test
    void aMegabyteOfHeaderIsAnswered431AndClosed() throws Exception {
        startProxy(ProxyLimits.DEFAULTS);
        try (RawClient client = new RawClient(proxy.port())) {
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    client.send("GET / HTTP/1.1\r\nHost: web.shop.localhost\r\nX-Big: " + "a".repeat(1 << 20) + "\r\n\r\n");
                } catch (IOException e) {
                    // the proxy stopped listening to it: what the test wants
                }
            });
            String answer = client.readUntilClosed(Duration.ofSeconds(10));
            sending.get(10, TimeUnit.SECONDS);

            assertThat(answer).startsWith("HTTP/1.1 431");
        }
        assertServesOthers();
    }

    @Test
    void aSlowlorisIsClosedWhenItsTimeForTheHeadIsUp() throws Exception {
        startProxy(ProxyLimits.DEFAULTS.withHeadTimeout(Duration.ofSeconds(1)));
        Instant started = Instant.now();
        try (RawClient client = new RawClient(proxy.port())) {
            CompletableFuture<Void> dripping = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = client.socket().getOutputStream();
                    for (byte b : "GET / HTTP/1.1\r\nHost: web.shop.localhost\r\nX-Slow: dripping".getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException e) {
                    // closed by the proxy: what the test wants
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            String answer = client.readUntilClosed(Duration.ofSeconds(5));

            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(3));
            assertThat(answer).satisfiesAnyOf(a -> assertThat(a).startsWith("HTTP/1.1 408"),
                    a -> assertThat(a).contains("[reset"));
            dripping.cancel(true);
        }
        assertServesOthers();
    }

    @Test
    void aConnectionThatNeverSendsIsClosedSilently() throws Exception {
        startProxy(ProxyLimits.DEFAULTS.withHeadTimeout(Duration.ofSeconds(1)));
        try (RawClient client = new RawClient(proxy.port())) {
            assertThat(client.readUntilClosed(Duration.ofSeconds(5))).isEmpty();
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterItsTimeout() throws Exception {
        startProxy(ProxyLimits.DEFAULTS.withIdleTimeout(Duration.ofSeconds(1)));
        try (RawClient client = new RawClient(proxy.port())) {
            String answer = client.send("GET /echo HTTP/1.1\r\nHost: web.shop.localhost\r\n\r\n")
                    .readUntilClosed(Duration.ofSeconds(5));

            assertThat(answer).startsWith("HTTP/1.1 200").contains("path=/echo");
        }
    }

    @Test
    void tenThousandHalfOpenConnectionsLeaveTheProxyServingAndDrainWhenTheirClientDies() throws Exception {
        startProxy(ProxyLimits.DEFAULTS.withHeadTimeout(Duration.ofMinutes(2)));
        int count = 10_000;
        Process holder = new ProcessBuilder("python3", "-c", HALF_OPEN, String.valueOf(count), String.valueOf(proxy.port()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return "failed: " + e;
                }
            }).get(120, TimeUnit.SECONDS);
            assertThat(line).isEqualTo("holding " + count);
            awaitTrue(() -> proxy.openConnections() >= count, Duration.ofSeconds(30), "the proxy holds " + count);

            Curl.Result result = Curl.run("http://web.shop.localhost:" + proxy.port() + "/echo/while-held");
            assertThat(result.out()).as(result.err()).contains("path=/echo/while-held");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        awaitTrue(() -> proxy.openConnections() == 0, Duration.ofSeconds(30), "the proxy's connections drain");
    }

    private void assertServesOthers() throws Exception {
        Curl.Result result = Curl.run("http://web.shop.localhost:" + proxy.port() + "/echo/after");
        assertThat(result.out()).as(result.err()).contains("path=/echo/after");
    }

    private void awaitTrue(BooleanSupplier condition, Duration deadline, String what) {
        Await.until(deadline, what, condition);
    }
}
