package dev.devstack.agent.socket;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.app.agent.AgentError;
import dev.devstack.supervisor.DevstackException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The lines the agent's socket writes around what its handlers answer. */
final class AgentReplies {

    private AgentReplies() {
    }

    static ObjectNode ok(ObjectNode fields) {
        if (fields.has("ok")) {
            return fields;
        }
        ObjectNode reply = JsonNodeFactory.instance.objectNode().put("ok", true);
        reply.setAll(fields);
        return reply;
    }

    static ObjectNode refused(String error) {
        return JsonNodeFactory.instance.objectNode().put("ok", false).put("error", error);
    }

    /** A handler's failure: a DevstackException's words and category, or a bug named without its trace. */
    static ObjectNode failed(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof DevstackException e) {
            return AgentError.reply(e);
        }
        return refused("the devstack agent failed to answer (" + cause + "); this is a bug of devstack");
    }
}
