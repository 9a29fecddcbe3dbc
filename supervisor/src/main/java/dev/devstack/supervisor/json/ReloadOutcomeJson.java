package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.supervisor.model.ReloadOutcome;
import java.io.IOException;

/**
 * What a reload or a change of scale did, by its {@code kind} ({@code applied}, {@code invalid},
 * {@code refused}) and the record's own fields, as the control socket and the HTTP API answer it.
 */
public final class ReloadOutcomeJson {

    private ReloadOutcomeJson() {
    }

    /** The outcome as the field {@code name} of the object being written. */
    public static void write(JsonGenerator json, String name, ReloadOutcome outcome) throws IOException {
        json.writeObjectFieldStart(name);
        RecordJson.fields(json, (Record) outcome);
        json.writeEndObject();
    }

    public static ReloadOutcome read(JsonNode outcome) throws JsonMappingException {
        return RecordJsonReader.read(outcome, ReloadOutcome.class, "reload");
    }
}
