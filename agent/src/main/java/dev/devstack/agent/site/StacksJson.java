package dev.devstack.agent.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The running stacks as JSON, the same for the agent's socket ({@code status}) and its HTTP API
 * ({@code GET /api/stacks}); docs/names.md gives the shape.
 */
public final class StacksJson {

    private StacksJson() {
    }

    public static ArrayNode of(List<StackNames> stacks) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (StackNames stack : stacks) {
            ObjectNode json = array.addObject();
            json.put("project", stack.project());
            json.put("instance", stack.instance());
            json.put("phase", stack.phase());
            json.put("pid", stack.pid());
            json.put("web_url", stack.webUrl().orElse(null));
            json.put("front_door_url", stack.frontDoorUrl().orElse(null));
            ArrayNode services = json.putArray("services");
            for (StackNames.Unit unit : stack.units()) {
                ObjectNode service = services.addObject();
                service.put("name", unit.name());
                service.put("state", unit.state());
                ArrayNode ports = service.putArray("ports");
                unit.ports().forEach(ports::add);
                service.put("url", unit.url().orElse(null));
            }
        }
        return array;
    }
}
