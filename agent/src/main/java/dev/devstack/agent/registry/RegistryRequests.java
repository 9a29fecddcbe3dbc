package dev.devstack.agent.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.agent.socket.AgentHandler;
import dev.devstack.app.LeaseChange;
import dev.devstack.app.ManualLeases;
import dev.devstack.app.agent.RegistryJson;
import dev.devstack.app.json.WhoReportJson;
import dev.devstack.supervisor.DevstackException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The registry as the agent serves it, over its socket and its HTTP API alike: {@code claim} and
 * {@code release} go through the {@link ClaimQueue} (answered once committed); {@code leases} and
 * {@code who} read the registry at once. Each answer is the reply's fields, or fails with a
 * DevstackException.
 */
public final class RegistryRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManualLeases leases;
    private final ClaimQueue queue;

    public RegistryRequests(ManualLeases leases, ClaimQueue queue) {
        this.leases = leases;
        this.queue = queue;
    }

    /** The socket's handlers of {@code claim}, {@code release}, {@code leases} and {@code who}. */
    public Map<String, AgentHandler> handlers() {
        return Map.of("claim", this::claim, "release", this::release, "leases", request -> leases(), "who", this::who);
    }

    /** {@code name}, {@code preferred}, {@code range}, {@code ttl}, {@code pid}: all optional. */
    public CompletableFuture<ObjectNode> claim(JsonNode request) {
        return checked(() -> queue.claim(new LeaseChange.Claim(RegistryJson.claimRequest(request)))
                .thenApply(claim -> RegistryJson.claimed(claim, true)));
    }

    /** {@code name} or {@code port}. */
    public CompletableFuture<ObjectNode> release(JsonNode request) {
        return checked(() -> {
            boolean byName = request.hasNonNull("name");
            boolean byPort = request.hasNonNull("port");
            if (byName == byPort) {
                throw DevstackException.invalidConfig("a release names the lease's \"name\" or its \"port\", one of"
                        + " them", List.of());
            }
            LeaseChange change = byName ? new LeaseChange.ReleaseName(text(request.path("name"), "\"name\""))
                    : new LeaseChange.ReleasePort(port(request.path("port")));
            return queue.release(change).thenApply(RegistryJson::released);
        });
    }

    /** Every lease of the registry, of any project, with whether it is alive. */
    public CompletableFuture<ObjectNode> leases() {
        return checked(() -> {
            ObjectNode reply = JSON.createObjectNode();
            ArrayNode all = reply.putArray("leases");
            leases.leases().forEach(listed -> all.add(RegistryJson.lease(listed.lease(), listed.alive())));
            return CompletableFuture.completedFuture(reply);
        });
    }

    /** {@code port}: `devstack who PORT --json`'s document, as {@code who}. */
    public CompletableFuture<ObjectNode> who(JsonNode request) {
        return checked(() -> {
            ByteArrayOutputStream document = new ByteArrayOutputStream();
            WhoReportJson.write(leases.who(port(request.path("port"))), document);
            ObjectNode reply = JSON.createObjectNode();
            try {
                reply.set("who", JSON.readTree(document.toByteArray()));
            } catch (IOException e) {
                throw new IllegalStateException("devstack wrote a who document it cannot read back", e);
            }
            return CompletableFuture.completedFuture(reply);
        });
    }

    /** A request whose fields are wrong fails its future, as every other refusal does. */
    private static CompletableFuture<ObjectNode> checked(Supplier<CompletableFuture<ObjectNode>> answer) {
        try {
            return answer.get();
        } catch (DevstackException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static int port(JsonNode node) {
        if (node.isIntegralNumber() && node.asInt() >= 1 && node.asInt() <= 65_535) {
            return node.asInt();
        }
        throw DevstackException.invalidConfig("\"port\" must be a port, 1-65535, not "
                + (node.isMissingNode() ? "missing" : node.toString()), List.of());
    }

    private static String text(JsonNode node, String field) {
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw DevstackException.invalidConfig(field + " must be a lease's name, not " + node, List.of());
        }
        return node.textValue();
    }
}
