package dev.devstack.supervisor.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests and replies as JSON, one object per line (Jackson escapes a newline inside a string,
 * so an object never spans lines). Fields this devstack does not know are ignored, so that a
 * newer client can add some.
 */
final class ControlMessages {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ControlMessages() {
    }

    static String line(Object message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a control message is plain data", e);
        }
    }

    static ControlRequest request(String line) throws JsonProcessingException {
        return JSON.readValue(line, ControlRequest.class);
    }

    static ControlReply reply(String line) throws JsonProcessingException {
        return JSON.readValue(line, ControlReply.class);
    }
}
