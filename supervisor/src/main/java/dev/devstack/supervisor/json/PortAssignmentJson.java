package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.PortAssignment;
import java.io.IOException;

/**
 * A port given to a service and why: the reason as a typed value ({@link RecordJson}: its kind and
 * fields) for programs, its words for people, and for a moved port the one it wanted.
 */
final class PortAssignmentJson {

    private PortAssignmentJson() {
    }

    static void write(JsonGenerator json, PortAssignment assignment) throws IOException {
        json.writeStartObject();
        json.writeStringField("service", assignment.service());
        json.writeStringField("port_name", assignment.portName());
        json.writeNumberField("port", assignment.port());
        json.writeObjectFieldStart("reason");
        RecordJson.fields(json, (Record) assignment.reason());
        json.writeStringField("text", assignment.reason().describe());
        if (assignment.reason() instanceof AssignmentReason.Moved moved) {
            json.writeNumberField("wanted", moved.refusal().port());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    static PortAssignment read(JsonNode assignment, String where) throws JsonMappingException {
        JsonFields fields = JsonFields.of(assignment, where);
        return new PortAssignment(fields.read("service", String.class), fields.read("port_name", String.class),
                fields.read("port", Integer.class),
                RecordJsonReader.read(fields.get("reason"), AssignmentReason.class, fields.where("reason")));
    }
}
