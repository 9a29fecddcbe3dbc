package dev.devstack.agent.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/**
 * Answers one kind of request of the agent's socket (its {@code request} field names the kind).
 * The future completes with the reply's fields ({@code ok: true} is put first unless the node has
 * {@code ok}), or fails with a DevstackException whose words are the refusal; it may complete
 * later, on another thread (a claim completes when its batch is committed).
 */
@FunctionalInterface
public interface AgentHandler {

    CompletableFuture<ObjectNode> answer(JsonNode request);
}
