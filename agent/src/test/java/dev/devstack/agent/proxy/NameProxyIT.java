package dev.devstack.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.agent.names.Route;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests by name through the proxy to real services: curl for HTTP, the JDK's client for a WebSocket. */
class NameProxyIT {

    private static final Duration IDLE = Duration.ofSeconds(1);

    private HttpBackend web;
    private WebSocketEchoBackend socket;
    private StubRoutes routes;
    private NameProxy proxy;
    private String base;

    @BeforeAll
    static void curlResolvesLocalhost() throws Exception {
        Curl.requireResolvingLocalhost();
    }

    @BeforeEach
    void start() throws Exception {
        web = new HttpBackend();
        socket = new WebSocketEchoBackend();
        StubRoutes routes = new StubRoutes(List.of())
                .put("web.shop.localhost", new Route.Forward("web", "shop", web.port()))
                .put("localhost", new Route.Forward("live", "shop", socket.port()));
        this.routes = routes;
        // short clocks: a long upload, an event stream or an open WebSocket must not be taken for idle
        proxy = NameProxy.start(0, routes, request -> CompletableFuture.failedFuture(new AssertionError()),
                ProxyLimits.DEFAULTS.withHeadTimeout(IDLE).withIdleTimeout(IDLE));
        base = "http://web.shop.localhost:" + proxy.port();
    }

    @AfterEach
    void stop() {
        proxy.close();
        web.close();
        socket.close();
    }

    @Test
    void aNameReachesItsServiceWhichLearnsWhoAskedAndHow() throws Exception {
        Curl.Result result = Curl.run("-H", "X-Forwarded-For: 10.1.2.3", "-H", "Proxy-Connection: keep-alive",
                base + "/echo?x=1");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("path=/echo?x=1\n", "host=web.shop.localhost:" + proxy.port() + "\n",
                "x-forwarded-proto=http\n", "x-forwarded-host=web.shop.localhost:" + proxy.port() + "\n",
                "proxy-connection=null\n");
        assertThat(result.out()).containsPattern("x-forwarded-for=10\\.1\\.2\\.3, (127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)\n");
    }

    @Test
    void twoRequestsOnOneClientConnectionShareOneServiceConnection() throws Exception {
        Curl.Result result = Curl.run("-w", "connects=%{num_connects}\n", base + "/echo/1", base + "/echo/2");

        assertThat(result.exit()).as(result.err()).isZero();
        List<String> ports = result.out().lines().filter(line -> line.startsWith("from-port=")).toList();
        assertThat(ports).hasSize(2);
        assertThat(ports.get(1)).as("the service saw one connection").isEqualTo(ports.get(0));
        assertThat(result.out()).contains("connects=1\n", "connects=0\n");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderWhereverTheyGo() throws Exception {
        try (RawClient client = new RawClient(proxy.port())) {
            String answers = client.send("GET /echo/1 HTTP/1.1\r\nHost: web.shop.localhost\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: nope.shop.localhost\r\n\r\n"
                    + "POST /echo/3 HTTP/1.1\r\nHost: web.shop.localhost\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
                    .readUntilClosed(Duration.ofSeconds(10));

            assertThat(answers).containsSubsequence("HTTP/1.1 200", "path=/echo/1\n", "HTTP/1.1 404",
                    "No service is named nope.shop.localhost", "HTTP/1.1 200", "path=/echo/3\n");
        }
    }

    @Test
    void aRouteThatMovesToAnotherPortTakesTheNextRequestOnTheSameClientConnectionThere() throws Exception {
        try (HttpBackend moved = new HttpBackend(); RawClient client = new RawClient(proxy.port())) {
            client.send("GET /echo/before HTTP/1.1\r\nHost: web.shop.localhost\r\n\r\n");
            client.readThrough("path=/echo/before\n", Duration.ofSeconds(10));
            routes.put("web.shop.localhost", new Route.Forward("web", "shop", moved.port()));

            String after = client.send("GET /echo/after HTTP/1.1\r\nHost: web.shop.localhost\r\nConnection: close\r\n\r\n")
                    .readUntilClosed(Duration.ofSeconds(10));

            assertThat(after).contains("path=/echo/after");
            assertThat(moved.requests()).isEqualTo(1);
        }
    }

    @Test
    void aHundredMegabyteUploadStreamsThrough(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("upload.bin");
        long size = 100L * 1024 * 1024;
        Random random = new Random(15);
        byte[] block = new byte[1024 * 1024];
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(size);
            for (long at = 0; at < size; at += 7 * block.length) {
                random.nextBytes(block);
                out.seek(at);
                out.write(block);
            }
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }

        Curl.Result result = Curl.run("-T", file.toString(), base + "/upload");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(HexFormat.of().formatHex(sha.digest()) + " " + size + "\n");
    }

    @Test
    void anEventArrivesBeforeTheServiceEndsItsStream() throws Exception {
        Process curl = Curl.start(List.of("curl", "-sS", "-N", "--max-time", "60", base + "/events"));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(curl.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(CompletableFuture.supplyAsync(() -> readLine(out)).get(10, TimeUnit.SECONDS))
                    .isEqualTo("data: first");
            web.releaseEvents();
            assertThat(CompletableFuture.supplyAsync(() -> readLine(out) + readLine(out)).get(10, TimeUnit.SECONDS))
                    .isEqualTo("data: last");
            assertThat(curl.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(curl.exitValue()).isZero();
        } finally {
            curl.destroyForcibly();
        }
    }

    @Test
    void aWebSocketEchoesTextAndBinaryFramesThroughTheProxy() throws Exception {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                received.add(data.toString());
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                received.add(HexFormat.of().formatHex(bytes));
                ws.request(1);
                return null;
            }
        };
        HttpClient client = HttpClient.newHttpClient();
        WebSocket ws = client.newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + proxy.port() + "/ws"), listener).get(10, TimeUnit.SECONDS);
        try {
            ws.sendText("hello through a name", true).get(10, TimeUnit.SECONDS);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("echo: hello through a name");
            try (RawClient idle = new RawClient(proxy.port())) {
                idle.readUntilClosed(IDLE.multipliedBy(5));
            }
            ws.sendBinary(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff}), true).get(10, TimeUnit.SECONDS);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("000102ff");
        } finally {
            ws.abort();
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
