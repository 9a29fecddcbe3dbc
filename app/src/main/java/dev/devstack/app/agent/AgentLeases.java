package dev.devstack.app.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.app.ClaimRequest;
import dev.devstack.app.ManualClaim;
import dev.devstack.app.ManualLeases;
import dev.devstack.supervisor.DevstackException;
import java.io.IOException;

/**
 * `devstack claim` and `release` through the agent: the same values and the same failures as
 * {@link ManualLeases} gives without it, so that the commands print and exit alike either way.
 */
public final class AgentLeases {

    private final AgentClient agent;

    public AgentLeases(AgentClient agent) {
        this.agent = agent;
    }

    public ManualClaim claim(ClaimRequest request) {
        return RegistryJson.claimed(ask(RegistryJson.claimRequest(request)));
    }

    public ManualLeases.Released release(int port) {
        return RegistryJson.released(ask(JsonNodeFactory.instance.objectNode().put("request", "release")
                .put("port", port)));
    }

    public ManualLeases.Released release(String name) {
        return RegistryJson.released(ask(JsonNodeFactory.instance.objectNode().put("request", "release")
                .put("name", name)));
    }

    private JsonNode ask(ObjectNode request) {
        try {
            return agent.request(request);
        } catch (AgentClient.Refused refused) {
            throw refused.failure();
        } catch (IOException e) {
            throw DevstackException.state("the devstack agent" + agent.hello().path("pid").asText("").transform(
                    pid -> pid.isEmpty() ? "" : " (pid " + pid + ")") + " stopped answering (" + e.getMessage()
                    + "); the " + request.path("request").asText() + " may or may not have been made:"
                    + " `devstack ports --all` shows the leases; `devstack agent stop` and run this again", e);
        }
    }
}
