package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.supervisor.model.ServiceInspection;
import java.io.IOException;

/**
 * What `inspect` tells of one unit (docs/protocol.md): the typed value as {@link RecordJson}
 * writes it, read back by the same rules. Its environment is already masked by the stack.
 */
public final class ServiceInspectionJson {

    private ServiceInspectionJson() {
    }

    /** The inspection as the object field {@code name}. */
    public static void write(JsonGenerator json, String name, ServiceInspection inspection) throws IOException {
        json.writeObjectFieldStart(name);
        RecordJson.fields(json, inspection);
        json.writeEndObject();
    }

    public static ServiceInspection read(JsonNode inspection) throws JsonMappingException {
        return RecordJsonReader.read(inspection, ServiceInspection.class, "inspection");
    }
}
