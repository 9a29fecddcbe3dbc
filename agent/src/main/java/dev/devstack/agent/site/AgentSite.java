package dev.devstack.agent.site;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.agent.proxy.LocalAnswer;
import dev.devstack.agent.proxy.LocalRequest;
import dev.devstack.agent.proxy.LocalSite;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The agent's own site, {@code http://devstack.localhost:PORT/}: the page of every running stack,
 * the same as JSON at {@code /api/stacks}, and the registry's API under {@code /api/} ({@code registry}).
 */
public final class AgentSite implements LocalSite {

    private final Supplier<List<StackNames>> stacks;
    private final LocalSite registry;
    private final int port;
    private final long pid;

    public AgentSite(Supplier<List<StackNames>> stacks, LocalSite registry, int port, long pid) {
        this.stacks = stacks;
        this.registry = registry;
        this.port = port;
        this.pid = pid;
    }

    @Override
    public CompletableFuture<LocalAnswer> answer(LocalRequest request) {
        String path = request.target().replaceFirst("[?#].*", "");
        if (path.equals("/") || path.equals("/api/stacks")) {
            if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
                return CompletableFuture.completedFuture(new LocalAnswer(405, "application/json", error(
                        "only GET is answered here").getBytes(StandardCharsets.UTF_8), Map.of("Allow", "GET, HEAD")));
            }
            if (path.equals("/")) {
                return CompletableFuture.completedFuture(LocalAnswer.html(200, MachinePage.html(stacks.get(), port, pid)));
            }
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("schema_version", 1);
            json.put("success", true);
            json.set("data", StacksJson.of(stacks.get()));
            return CompletableFuture.completedFuture(LocalAnswer.json(200, json.toString()));
        }
        if (path.startsWith("/api/")) {
            return registry.answer(request);
        }
        return CompletableFuture.completedFuture(LocalAnswer.json(404, error("no page " + path
                + " here: the agent serves / (its running stacks), /api/stacks and the registry's /api/ (docs/names.md)")));
    }

    private static String error(String message) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("schema_version", 1);
        json.put("success", false);
        json.put("error", message);
        return json.toString();
    }
}
