package dev.devstack.app.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web page's files (docs/web.md), from the jar's {@value #FOLDER} folder: {@code GET /} is
 * {@code index.html}, {@code GET /web/NAME} any other. Each is read once and kept. The page may run
 * only its own scripts and talk only to this server (the Content-Security-Policy), may not be framed,
 * and sends no Referer, which would carry the one-time code it was opened with.
 */
final class WebAssets {

    static final String FOLDER = "/dev/devstack/app/web/";
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Flat names only, so that no request reaches outside the folder. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    /** Only files the jar has: a name asked for in vain is not kept, or any client could fill this map. */
    private final Map<String, byte[]> read = new ConcurrentHashMap<>();

    /** Answers with the file, or 404 when the jar has none of that name. */
    void serve(HttpExchange exchange, String name) throws IOException {
        Optional<byte[]> body = NAME.matcher(name).matches()
                ? Optional.ofNullable(read.computeIfAbsent(name, file -> load(file).orElse(null)))
                : Optional.empty();
        if (body.isEmpty()) {
            Reply.error(exchange, 404, "no file `" + name + "` in devstack's web page; the page is at /");
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        headers.set("Cache-Control", "no-cache");
        headers.set("Content-Security-Policy", POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, body.get().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body.get());
        }
    }

    private static Optional<byte[]> load(String name) {
        try (InputStream in = WebAssets.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + name + " from devstack's jar", e);
        }
    }
}
