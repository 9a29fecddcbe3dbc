package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceDetail;
import java.io.IOException;

/**
 * The {@code detail} of a service snapshot and of a state change (docs/json.md): the typed value
 * as {@link RecordJson} writes it, its {@code kind} naming its record ({@code restart_scheduled}),
 * and {@code text}, the same words the dashboard shows, which reading ignores.
 */
public final class DetailJson {

    private DetailJson() {
    }

    static void write(JsonGenerator json, ServiceDetail detail) throws IOException {
        write(json, "detail", detail);
    }

    /** The detail as the field {@code name}: what a check found, say, beside a service's own detail. */
    public static void write(JsonGenerator json, String name, ServiceDetail detail) throws IOException {
        json.writeObjectFieldStart(name);
        RecordJson.fields(json, (Record) detail);
        json.writeStringField("text", DetailText.of(detail));
        json.writeEndObject();
    }

    /** The detail written at {@code where} (its place in the document, for errors). */
    static ServiceDetail read(JsonNode detail, String where) throws JsonMappingException {
        return RecordJsonReader.read(detail, ServiceDetail.class, where);
    }
}
