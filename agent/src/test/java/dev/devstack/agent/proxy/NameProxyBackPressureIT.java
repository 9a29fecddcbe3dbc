package dev.devstack.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.agent.names.Route;
import dev.devstack.supervisor.testing.Await;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy reads one side only as fast as the other takes it: a service that stops reading an upload,
 * or a client that stops reading a download, leaves the proxy holding a few buffers, not the body.
 */
class NameProxyBackPressureIT {

    private static final long MEGABYTES = 100;
    /** Far below the 100 MB an unbounded proxy would hold; well above its socket buffers and water marks. */
    private static final long MOST_HELD = 24L << 20;
    /** Loopback moves 100 MB in well under a second: an unbounded proxy would hold all of it by then. */
    private static final Duration WATCHED = Duration.ofSeconds(2);

    private HttpBackend web;
    private NameProxy proxy;

    @BeforeAll
    static void curlResolvesLocalhost() throws Exception {
        Curl.requireResolvingLocalhost();
    }

    @BeforeEach
    void start() throws Exception {
        web = new HttpBackend();
        proxy = NameProxy.start(0, new StubRoutes(List.of()).put("web.shop.localhost",
                new Route.Forward("web", "shop", web.port())), request -> new CompletableFuture<>(), ProxyLimits.DEFAULTS);
    }

    @AfterEach
    void stop() {
        proxy.close();
        web.close();
    }

    @Test
    void anUploadWaitsForAServiceThatDoesNotRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("upload.bin");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(MEGABYTES << 20);
        }
        long before = directMemory();
        Process curl = Curl.start(List.of("curl", "-sS", "--max-time", "60", "-H", "Expect:", "-T", file.toString(),
                "http://web.shop.localhost:" + proxy.port() + "/stall"));
        try {
            assertThat(web.awaitStalling(10)).as("the service has the request").isTrue();

            assertThat(mostHeldOver(WATCHED) - before).isLessThan(MOST_HELD);

            web.releaseStall();
            byte[] out = curl.getInputStream().readAllBytes();
            assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(out)).endsWith(" " + (MEGABYTES << 20) + "\n");
        } finally {
            curl.destroyForcibly();
        }
    }

    @Test
    void aDownloadWaitsForAClientThatDoesNotRead() throws Exception {
        try (RawClient client = new RawClient(proxy.port())) {
            client.socket().setReceiveBufferSize(64 * 1024);
            client.send("GET /big?" + MEGABYTES + " HTTP/1.1\r\nHost: web.shop.localhost\r\nConnection: close\r\n\r\n");
            awaitWritten(1L << 20);

            // what the service could write is what the sockets' buffers hold, not what the proxy would
            mostHeldOver(WATCHED);
            assertThat(web.bigWritten()).isLessThan(MOST_HELD);

            long total = 0;
            byte[] buffer = new byte[1 << 16];
            InputStream in = client.socket().getInputStream();
            client.socket().setSoTimeout(30_000);
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
            assertThat(total).isGreaterThan(MEGABYTES << 20);
        }
    }

    private void awaitWritten(long bytes) {
        Await.until(Duration.ofSeconds(10), "the service to start writing", () -> web.bigWritten() >= bytes);
    }

    private static long mostHeldOver(Duration window) throws InterruptedException {
        long most = 0;
        Instant end = Instant.now().plus(window);
        while (Instant.now().isBefore(end)) {
            most = Math.max(most, directMemory());
            Thread.sleep(20);
        }
        return most;
    }

    private static long directMemory() {
        return ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric().usedDirectMemory();
    }
}
