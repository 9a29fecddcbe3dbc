package dev.devstack.agent.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the agent's own site answers: a status, a content type, a body and any further headers. */
public record LocalAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {

    public LocalAnswer {
        headers = Map.copyOf(headers);
    }

    public static LocalAnswer json(int status, String json) {
        return new LocalAnswer(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static LocalAnswer html(int status, String html) {
        return new LocalAnswer(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
