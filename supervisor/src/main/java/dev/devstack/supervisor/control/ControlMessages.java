package dev.devstack.supervisor.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests as JSON, one object per line (Jackson escapes a newline inside a string, so an object
 * never spans lines). Fields this devstack does not know are ignored, so that a newer client can
 * add some.
 */
final class ControlMessages {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private ControlMessages() {
    }

    static String line(ControlRequest request) {
        try {
            return JSON.writerFor(ControlRequest.class).writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a control request is plain data", e);
        }
    }

    static ControlRequest request(String line) throws JsonProcessingException {
        return JSON.readValue(line, ControlRequest.class);
    }

    static JsonNode tree(String line) throws JsonProcessingException {
        return JSON.readTree(line);
    }
}
