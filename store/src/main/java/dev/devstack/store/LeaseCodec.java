package dev.devstack.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The on-disk form of registry entries: small JSON documents with explicit field names, so that
 * renaming a Java field never changes the file format.
 */
final class LeaseCodec {

    private final ObjectMapper json = new ObjectMapper();

    String key(LeaseOwner owner) {
        ArrayNode key = json.createArrayNode();
        key.add(owner.project()).add(owner.instance()).add(owner.service()).add(owner.portName());
        return key.toString();
    }

    LeaseOwner owner(String key) {
        JsonNode node = parse(key);
        return new LeaseOwner(node.path(0).asText(), node.path(1).asText(), node.path(2).asText(),
                node.path(3).asText());
    }

    String encode(Lease lease) {
        ObjectNode node = json.createObjectNode();
        node.put("port", lease.port());
        node.put("pid", lease.pid());
        node.put("pid_start", lease.pidStart());
        node.put("user", lease.user());
        node.put("claimed_at", lease.claimedAt().toEpochMilli());
        return node.toString();
    }

    Lease decodeLease(String key, String value) {
        JsonNode node = parse(value);
        return new Lease(owner(key), node.path("port").asInt(), node.path("pid").asLong(),
                node.path("pid_start").asLong(), node.path("user").asText(),
                Instant.ofEpochMilli(node.path("claimed_at").asLong()));
    }

    String encode(StickyPort sticky) {
        ObjectNode node = json.createObjectNode();
        node.put("port", sticky.port());
        node.put("last_used", sticky.lastUsed().toEpochMilli());
        return node.toString();
    }

    StickyPort decodeSticky(String key, String value) {
        JsonNode node = parse(value);
        return new StickyPort(owner(key), node.path("port").asInt(),
                Instant.ofEpochMilli(node.path("last_used").asLong()));
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RegistryException("unreadable registry entry: " + text, e);
        }
    }
}
