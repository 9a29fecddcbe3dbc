package dev.devstack.agent.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.agent.proxy.LocalAnswer;
import dev.devstack.agent.proxy.LocalRequest;
import dev.devstack.agent.proxy.LocalSite;
import dev.devstack.app.agent.AgentError;
import dev.devstack.app.http.ApiToken;
import dev.devstack.supervisor.DevstackException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The registry over HTTP, the {@code /api/} part of the agent's own site (docs/protocol.md, "The
 * agent's socket and registry API"): the same requests and answers as the socket's, in the HTTP
 * API's envelope ({@code schema_version}, {@code success}, {@code data} or {@code error}). Reads
 * are open; claims and releases need the user's token.
 */
public final class RegistrySite implements LocalSite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLAIMS = "/api/claims";
    private static final String PORTS = "/api/ports/";

    private final RegistryRequests requests;
    private final ApiToken token;

    public RegistrySite(RegistryRequests requests, ApiToken token) {
        this.requests = requests;
        this.token = token;
    }

    @Override
    public CompletableFuture<LocalAnswer> answer(LocalRequest request) {
        String path = request.target().split("\\?", 2)[0];
        if (path.equals(CLAIMS)) {
            return change(request, "POST", () -> requests.claim(body(request)), false);
        }
        if (path.startsWith(CLAIMS + "/") && path.length() > CLAIMS.length() + 1) {
            String name = URLDecoder.decode(path.substring(CLAIMS.length() + 1), StandardCharsets.UTF_8);
            return change(request, "DELETE", () -> requests.release(JsonNodeFactory.instance.objectNode()
                    .put("name", name)), true);
        }
        if (path.equals("/api/leases")) {
            return read(request, requests::leases);
        }
        if (path.startsWith(PORTS)) {
            JsonNode port = portOf(path.substring(PORTS.length()));
            if (request.method().equals("DELETE")) {
                return change(request, "DELETE", () -> requests.release(JsonNodeFactory.instance.objectNode()
                        .set("port", port)), true);
            }
            return read(request, () -> requests.who(JsonNodeFactory.instance.objectNode().set("port", port))
                    .thenApply(reply -> (ObjectNode) reply.get("who")));
        }
        return done(failure(404, "no such endpoint: " + path + "; the agent's API has POST /api/claims,"
                + " DELETE /api/claims/NAME, DELETE /api/ports/PORT, GET /api/leases and GET /api/ports/PORT"
                + " (docs/protocol.md)"));
    }

    private CompletableFuture<LocalAnswer> read(LocalRequest request, Supplier<CompletableFuture<ObjectNode>> answer) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return done(wrongMethod(request, "GET"));
        }
        return answered(answer, false);
    }

    private CompletableFuture<LocalAnswer> change(LocalRequest request, String method,
                                                  Supplier<CompletableFuture<ObjectNode>> answer, boolean release) {
        if (!request.method().equals(method)) {
            return done(wrongMethod(request, method));
        }
        if (!token.accepts(request.header("authorization"))) {
            LocalAnswer refused = failure(401, "claims and releases need your devstack API token: send the contents"
                    + " of " + token.file() + " as `Authorization: Bearer <token>`");
            return done(new LocalAnswer(refused.status(), refused.contentType(), refused.body(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"devstack\"")));
        }
        return answered(answer, release);
    }

    /** A release that removed nothing is 404, or 409 when what it names belongs to a running stack. */
    private static CompletableFuture<LocalAnswer> answered(Supplier<CompletableFuture<ObjectNode>> answer,
                                                           boolean release) {
        CompletableFuture<ObjectNode> data;
        try {
            data = answer.get();
        } catch (DevstackException e) {
            data = CompletableFuture.failedFuture(e);
        }
        return data.handle((node, failure) -> {
            if (failure != null) {
                return failed(failure);
            }
            if (release && node.path("removed").isEmpty()) {
                boolean refused = !node.path("refused").isEmpty();
                ObjectNode document = JSON.createObjectNode().put("schema_version", 1).put("success", false)
                        .put("error", refused ? "nothing was released: the lease belongs to a running stack; stop that"
                                + " stack to free it" : "nothing was released: no such lease; GET /api/leases lists them");
                document.set("data", node);
                return LocalAnswer.json(refused ? 409 : 404, document.toString());
            }
            return success(node);
        });
    }

    private static JsonNode body(LocalRequest request) {
        if (request.body().length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode body = JSON.readTree(request.body());
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException e) {
            // said below
        }
        throw DevstackException.invalidConfig("the body of a claim is one JSON object, such as {\"name\":\"ci-db\"}",
                List.of());
    }

    private static JsonNode portOf(String text) {
        try {
            return JsonNodeFactory.instance.numberNode(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    private static LocalAnswer failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof DevstackException e) {
            int status = switch (e.category()) {
                case INVALID_CONFIG -> 400;
                case PORT_CONFLICT, ALREADY_RUNNING -> 409;
                case STATE -> 503;
                case STOP_FAILED -> 500;
            };
            return failure(status, AgentError.words(e));
        }
        return failure(500, "the devstack agent failed to answer (" + cause + "); this is a bug of devstack");
    }

    private static LocalAnswer wrongMethod(LocalRequest request, String allowed) {
        LocalAnswer answer = failure(405, request.method() + " is not allowed here; use " + allowed);
        return new LocalAnswer(405, answer.contentType(), answer.body(), Map.of("Allow", allowed));
    }

    private static LocalAnswer success(ObjectNode data) {
        ObjectNode document = JSON.createObjectNode().put("schema_version", 1).put("success", true);
        document.set("data", data);
        return LocalAnswer.json(200, document.toString());
    }

    private static LocalAnswer failure(int status, String error) {
        return LocalAnswer.json(status, JSON.createObjectNode().put("schema_version", 1).put("success", false)
                .put("error", error).toString());
    }

    private static CompletableFuture<LocalAnswer> done(LocalAnswer answer) {
        return CompletableFuture.completedFuture(answer);
    }
}
