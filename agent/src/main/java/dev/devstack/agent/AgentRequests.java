package dev.devstack.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.agent.site.StacksJson;
import dev.devstack.agent.socket.AgentHandler;
import dev.devstack.supervisor.model.DurationText;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the agent's socket answers of the agent itself (docs/names.md): {@code hello} (its pid,
 * port and page), {@code status} (that, and every running stack with its names), {@code look} (a
 * stack has just started: follow it now) and {@code stop}.
 */
final class AgentRequests {

    /** Time for the reply to {@code stop} to leave before the socket closes. */
    private static final Duration REPLY_FIRST = Duration.ofMillis(200);

    private final Agent agent;

    AgentRequests(Agent agent) {
        this.agent = agent;
    }

    Map<String, AgentHandler> handlers() {
        return Map.of(
                "hello", request -> done(about()),
                "status", request -> done(status()),
                "look", request -> {
                    agent.look();
                    return done(JsonNodeFactory.instance.objectNode());
                },
                "stop", request -> {
                    CompletableFuture.runAsync(agent::stop, CompletableFuture.delayedExecutor(REPLY_FIRST.toMillis(),
                            TimeUnit.MILLISECONDS));
                    return done(JsonNodeFactory.instance.objectNode());
                });
    }

    private ObjectNode about() {
        ObjectNode about = JsonNodeFactory.instance.objectNode();
        about.put("pid", agent.pid());
        about.put("port", agent.port());
        about.put("url", agent.url());
        about.put("started_at", agent.startedAt().toString());
        return about;
    }

    private ObjectNode status() {
        ObjectNode status = about();
        status.put("uptime", DurationText.of(Duration.between(agent.startedAt(), agent.settings().clock().instant())));
        status.put("idle_exit", DurationText.of(agent.settings().idleExit()));
        status.set("stacks", StacksJson.of(agent.stacks()));
        return status;
    }

    private static CompletableFuture<ObjectNode> done(ObjectNode reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
