package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.PortAssignment;
import java.io.IOException;

/** A port given to a service and why: the reason's kind for programs, its words for people. */
final class PortAssignmentJson {

    private PortAssignmentJson() {
    }

    static void write(JsonGenerator json, PortAssignment assignment) throws IOException {
        json.writeStartObject();
        json.writeStringField("service", assignment.service());
        json.writeStringField("port_name", assignment.portName());
        json.writeNumberField("port", assignment.port());
        json.writeObjectFieldStart("reason");
        json.writeStringField("kind", kind(assignment.reason()));
        json.writeStringField("text", assignment.reason().describe());
        if (assignment.reason() instanceof AssignmentReason.Moved moved) {
            json.writeNumberField("wanted", moved.refusal().port());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static String kind(AssignmentReason reason) {
        if (reason instanceof AssignmentReason.Sticky) {
            return "sticky";
        }
        if (reason instanceof AssignmentReason.Preferred) {
            return "preferred";
        }
        if (reason instanceof AssignmentReason.Moved) {
            return "moved";
        }
        if (reason instanceof AssignmentReason.Reclaimed) {
            return "reclaimed";
        }
        if (reason instanceof AssignmentReason.Adopted) {
            return "adopted";
        }
        return reason instanceof AssignmentReason.Automatic ? "automatic" : "inherited";
    }
}
