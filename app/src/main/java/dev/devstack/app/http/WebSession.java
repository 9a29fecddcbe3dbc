package dev.devstack.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code /api/web/session}: {@code GET} tells the page whether this browser may act (its cookie
 * is HttpOnly, so the page cannot look); {@code POST {"code":"..."}} trades the one-time code that
 * `devstack web` opened the page with for the cookie and its key ({@link WebPass}).
 */
final class WebSession {

    /** A code is under 200 bytes; a body longer than this is not one. */
    private static final int MAX_BODY = 4_096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebSession() {
    }

    static void answer(HttpExchange exchange, String method, ActionAccess access) throws IOException {
        if (method.equals("GET")) {
            actions(exchange, access.caller(exchange).isPresent() || access.holdsPass(exchange), Optional.empty());
        } else if (method.equals("POST")) {
            Optional<WebPass.Pass> pass = code(exchange).flatMap(access::redeem);
            if (pass.isEmpty()) {
                Reply.error(exchange, 401, "this page's one-time code is wrong, used or older than "
                        + WebPass.CODE_LIFETIME.toSeconds() + " s; run `devstack web` for a new one");
                return;
            }
            exchange.getResponseHeaders().add("Set-Cookie", pass.get().setCookie());
            actions(exchange, true, Optional.of(pass.get().key()));
        } else {
            exchange.getResponseHeaders().set("Allow", "GET, POST");
            Reply.error(exchange, 405, method + " is not allowed on /api/web/session; use GET or POST");
        }
    }

    /** Whether this browser may act, and, when it just traded its code, the key to send with its cookie. */
    private static void actions(HttpExchange exchange, boolean allowed, Optional<String> key) throws IOException {
        Reply.json(exchange, 200, ApiJson.success(json -> {
            json.writeObjectFieldStart("data");
            json.writeBooleanField("actions", allowed);
            if (key.isPresent()) {
                json.writeStringField("key", key.get());
            }
            json.writeEndObject();
        }));
    }

    private static Optional<String> code(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                return Optional.empty();
            }
            JsonNode code = JSON.readTree(body).path("code");
            return code.isTextual() ? Optional.of(code.asText()) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
