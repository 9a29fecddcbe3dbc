package dev.devstack.app.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.ErrorCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A refusal of the agent as its reply carries it: {@code error} in words, and the failure's
 * {@code category}, {@code summary} and {@code details}, so that `devstack claim` through the agent
 * reports it and exits exactly as without the agent.
 */
public final class AgentError {

    private AgentError() {
    }

    public static ObjectNode reply(DevstackException e) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("ok", false);
        node.put("error", words(e));
        node.put("category", e.category().name().toLowerCase(Locale.ROOT));
        node.put("summary", e.getMessage());
        ArrayNode details = node.putArray("details");
        e.details().forEach(details::add);
        return node;
    }

    /** The summary and each detail, in one line. */
    public static String words(DevstackException e) {
        return e.details().isEmpty() ? e.getMessage() : e.getMessage() + ": " + String.join("; ", e.details());
    }

    /** The failure a refusal carries; one without a category (a protocol error) is the agent's state. */
    static DevstackException exception(JsonNode reply) {
        String error = reply.path("error").asText("the devstack agent refused without saying why");
        ErrorCategory category;
        try {
            category = ErrorCategory.valueOf(reply.path("category").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return DevstackException.state("the devstack agent refused: " + error, null);
        }
        String summary = reply.path("summary").asText(error);
        List<String> details = new ArrayList<>();
        reply.path("details").forEach(line -> details.add(line.asText()));
        return switch (category) {
            case INVALID_CONFIG -> DevstackException.invalidConfig(summary, details);
            case PORT_CONFLICT -> DevstackException.portConflicts(summary, details);
            case ALREADY_RUNNING -> DevstackException.alreadyRunning(summary);
            case STATE -> DevstackException.state(summary, null);
            case STOP_FAILED -> DevstackException.stopFailed(summary);
        };
    }
}
