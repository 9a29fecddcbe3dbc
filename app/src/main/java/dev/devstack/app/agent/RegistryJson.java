package dev.devstack.app.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.app.ClaimRequest;
import dev.devstack.app.ManualClaim;
import dev.devstack.app.ManualLeases;
import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.config.Durations;
import dev.devstack.supervisor.config.PortRange;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The agent's registry requests and answers as JSON (docs/protocol.md, "The agent's socket and
 * registry API"), both ways: the agent reads what a client writes, and `devstack claim` reads back
 * what the agent wrote. The same objects travel over the socket and over HTTP.
 */
public final class RegistryJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RegistryJson() {
    }

    public static ObjectNode claimRequest(ClaimRequest request) {
        ObjectNode node = NODES.objectNode().put("request", "claim");
        request.name().ifPresent(name -> node.put("name", name));
        if (!request.preferred().isEmpty()) {
            ArrayNode preferred = node.putArray("preferred");
            request.preferred().forEach(preferred::add);
        }
        request.range().ifPresent(range -> node.put("range", range.first() + "-" + range.last()));
        request.ttl().ifPresent(ttl -> node.put("ttl", ttl.toMillis() + "ms"));
        request.pid().ifPresent(pid -> node.put("pid", pid));
        return node;
    }

    /** A claim as a client sent it; every field is optional. Throws (invalid config) naming a wrong field. */
    public static ClaimRequest claimRequest(JsonNode node) {
        List<Integer> preferred = new ArrayList<>();
        JsonNode ports = node.path("preferred");
        if (!ports.isMissingNode() && !ports.isNull()) {
            if (!ports.isArray()) {
                throw wrong("\"preferred\" must be a list of ports, such as [5432, 5433]");
            }
            ports.forEach(port -> preferred.add(port(port, "\"preferred\"")));
        }
        Optional<PortRange> range = text(node, "range").map(RegistryJson::range);
        if (!preferred.isEmpty() && range.isPresent()) {
            throw wrong("give \"preferred\" or \"range\", not both");
        }
        Optional<Duration> ttl = text(node, "ttl").map(text -> Durations.parse(text).filter(d -> !d.isZero())
                .orElseThrow(() -> wrong("\"ttl\" must be a duration such as 90s, 10m or 2h, not `" + text + "`")));
        JsonNode pid = node.path("pid");
        if (!pid.isMissingNode() && !pid.isNull() && !(pid.canConvertToLong() && pid.asLong() > 0)) {
            throw wrong("\"pid\" must be the number of a running process, not " + pid);
        }
        Optional<String> name = text(node, "name");
        if (name.isPresent() && name.get().isBlank()) {
            throw wrong("\"name\" must not be empty");
        }
        return new ClaimRequest(preferred, range, name, ttl,
                pid.canConvertToLong() ? OptionalLong.of(pid.asLong()) : OptionalLong.empty());
    }

    public static ObjectNode claimed(ManualClaim claim, boolean alive) {
        ObjectNode node = NODES.objectNode();
        node.put("port", claim.port());
        node.put("name", claim.lease().owner().service());
        node.put("again", claim.again());
        claim.notPreferred().ifPresent(why -> node.put("not_preferred", why));
        node.set("lease", lease(claim.lease(), alive));
        return node;
    }

    public static ManualClaim claimed(JsonNode node) {
        return new ManualClaim(lease(node.path("lease")), node.path("again").asBoolean(),
                Optional.ofNullable(node.path("not_preferred").textValue()));
    }

    public static ObjectNode released(ManualLeases.Released released) {
        ObjectNode node = NODES.objectNode();
        ArrayNode removed = node.putArray("removed");
        released.removed().forEach(lease -> removed.add(lease(lease, false)));
        ArrayNode refused = node.putArray("refused");
        released.refused().forEach(lease -> refused.add(lease(lease, true)));
        return node;
    }

    public static ManualLeases.Released released(JsonNode node) {
        List<Lease> removed = new ArrayList<>();
        node.path("removed").forEach(lease -> removed.add(lease(lease)));
        List<Lease> refused = new ArrayList<>();
        node.path("refused").forEach(lease -> refused.add(lease(lease)));
        return new ManualLeases.Released(removed, refused);
    }

    /**
     * A lease: the fields of the lease object of `who --json` (whose {@code devstack_pid} is the
     * holder's pid, 0 for none), with its port, user, the holder's start and the end of its time.
     */
    public static ObjectNode lease(Lease lease, boolean alive) {
        ObjectNode node = NODES.objectNode();
        node.put("port", lease.port());
        node.put("project_path", lease.owner().project());
        node.put("instance", lease.owner().instance());
        node.put("service", lease.owner().service());
        node.put("port_name", lease.owner().portName());
        node.put("devstack_pid", lease.pid());
        node.put("pid_start", lease.pidStart());
        node.put("user", lease.user());
        node.put("alive", alive);
        node.put("claimed_at", lease.claimedAt().toString());
        node.put("expires_at", lease.expiresAt().map(Instant::toString).orElse(null));
        return node;
    }

    public static Lease lease(JsonNode node) {
        try {
            return new Lease(new LeaseOwner(node.path("project_path").asText(), node.path("instance").asText(),
                    node.path("service").asText(), node.path("port_name").asText()), node.path("port").asInt(),
                    node.path("devstack_pid").asLong(), node.path("pid_start").asLong(), node.path("user").asText(),
                    Instant.parse(node.path("claimed_at").asText()),
                    Optional.ofNullable(node.path("expires_at").textValue()).map(Instant::parse));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw DevstackException.state("the devstack agent answered with a lease devstack cannot read (" + node
                    + "): stop it with `devstack agent stop` and run this again", e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrong("\"" + field + "\" must be text, not " + value);
        }
        return Optional.of(value.textValue());
    }

    private static int port(JsonNode node, String field) {
        if (node.isIntegralNumber() && node.asInt() >= 1 && node.asInt() <= 65_535) {
            return node.asInt();
        }
        throw wrong(field + " must hold ports, 1-65535, not " + node);
    }

    /** "30000-30099". */
    private static PortRange range(String text) {
        String[] ends = text.split("-");
        try {
            if (ends.length == 2) {
                int first = Integer.parseInt(ends[0].trim());
                int last = Integer.parseInt(ends[1].trim());
                if (first >= 1 && first <= last && last <= 65_535) {
                    return new PortRange(first, last);
                }
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw wrong("\"range\" must be FIRST-LAST with FIRST <= LAST, e.g. \"30000-30099\", not `" + text + "`");
    }

    private static DevstackException wrong(String what) {
        return DevstackException.invalidConfig(what, List.of());
    }
}
