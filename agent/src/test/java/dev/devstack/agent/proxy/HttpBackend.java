package dev.devstack.agent.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A service for the proxy to forward to, on 127.0.0.1 (or ::1): {@code /echo} tells what it received (headers,
 * the connection it came on), {@code /upload} hashes a body as it streams in, {@code /events} sends one
 * server-sent event and the second only when the test releases it.
 */
final class HttpBackend implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch releaseEvents = new CountDownLatch(1);
    private final CountDownLatch stalling = new CountDownLatch(1);
    private final CountDownLatch releaseStall = new CountDownLatch(1);
    private final AtomicLong bigWritten = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    HttpBackend() throws IOException {
        this("127.0.0.1");
    }

    HttpBackend(String loopback) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(loopback), 0), 64);
        server.setExecutor(threads);
        server.createContext("/echo", this::echo);
        server.createContext("/upload", this::upload);
        server.createContext("/events", this::events);
        server.createContext("/stall", this::stall);
        server.createContext("/big", this::big);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void releaseEvents() {
        releaseEvents.countDown();
    }

    /** How many requests {@code /echo} has answered. */
    long requests() {
        return requests.get();
    }

    private void echo(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        String text = "path=" + exchange.getRequestURI()
                + "\nhost=" + exchange.getRequestHeaders().getFirst("Host")
                + "\nx-forwarded-for=" + exchange.getRequestHeaders().getFirst("X-Forwarded-For")
                + "\nx-forwarded-proto=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")
                + "\nx-forwarded-host=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Host")
                + "\nproxy-connection=" + exchange.getRequestHeaders().getFirst("Proxy-Connection")
                + "\nfrom-port=" + exchange.getRemoteAddress().getPort() + "\n";
        send(exchange, 200, text);
    }

    /** Whether {@code /stall} has a request, whose body it does not read until {@link #releaseStall()}. */
    boolean awaitStalling(long seconds) throws InterruptedException {
        return stalling.await(seconds, TimeUnit.SECONDS);
    }

    void releaseStall() {
        releaseStall.countDown();
    }

    private void stall(HttpExchange exchange) throws IOException {
        stalling.countDown();
        try {
            releaseStall.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        upload(exchange);
    }

    /** How much of {@code /big} the service has handed to its socket so far. */
    long bigWritten() {
        return bigWritten.get();
    }

    /** {@code /big?MEGABYTES}: that many MiB of zeros, as fast as the connection takes them. */
    private void big(HttpExchange exchange) throws IOException {
        long megabytes = Long.parseLong(exchange.getRequestURI().getQuery());
        exchange.sendResponseHeaders(200, megabytes << 20);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = exchange.getResponseBody()) {
            for (long i = 0; i < megabytes; i++) {
                out.write(block);
                bigWritten.addAndGet(block.length);
            }
        }
    }

    private void upload(HttpExchange exchange) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                total += n;
            }
        }
        send(exchange, 200, HexFormat.of().formatHex(sha.digest()) + " " + total + "\n");
    }

    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (!releaseEvents.await(30, TimeUnit.SECONDS)) {
                return;
            }
            out.write("data: last\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        releaseEvents.countDown();
        releaseStall.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
