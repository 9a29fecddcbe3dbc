package dev.devstack.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The on-disk form of registry entries: small JSON documents with explicit field names, so that
 * renaming a Java field never changes the file format. Written and read with Jackson's streaming
 * API, which starts in a fraction of the time of its object mapper: every command pays for it. A team
 * registry stores its entries in the same form.
 */
public final class LeaseCodec {

    private final JsonFactory json = new JsonFactory();

    public String key(LeaseOwner owner) {
        return write(out -> {
            out.writeStartArray();
            out.writeString(owner.project());
            out.writeString(owner.instance());
            out.writeString(owner.service());
            out.writeString(owner.portName());
            out.writeEndArray();
        });
    }

    public LeaseOwner owner(String key) {
        List<String> parts = new ArrayList<>(4);
        try (JsonParser in = json.createParser(key)) {
            expect(in.nextToken(), JsonToken.START_ARRAY, key);
            while (in.nextToken() == JsonToken.VALUE_STRING) {
                parts.add(in.getText());
            }
        } catch (IOException e) {
            throw unreadable(key, e);
        }
        if (parts.size() != 4) {
            throw new DamagedEntry(key + " is not a key of four strings", null);
        }
        return new LeaseOwner(parts.get(0), parts.get(1), parts.get(2), parts.get(3));
    }

    public String encode(Lease lease) {
        return write(out -> {
            out.writeStartObject();
            out.writeNumberField("port", lease.port());
            out.writeNumberField("pid", lease.pid());
            out.writeNumberField("pid_start", lease.pidStart());
            out.writeStringField("user", lease.user());
            out.writeNumberField("claimed_at", lease.claimedAt().toEpochMilli());
            if (lease.expiresAt().isPresent()) {
                out.writeNumberField("expires_at", lease.expiresAt().get().toEpochMilli());
            }
            out.writeEndObject();
        });
    }

    public Lease decodeLease(String key, String value) {
        Map<String, String> fields = fields(value);
        Optional<Instant> expires = fields.containsKey("expires_at")
                ? Optional.of(Instant.ofEpochMilli(number(fields, "expires_at", value))) : Optional.empty();
        return new Lease(owner(key), integer(fields, "port", value), number(fields, "pid", value),
                number(fields, "pid_start", value), fields.getOrDefault("user", ""),
                Instant.ofEpochMilli(number(fields, "claimed_at", value)), expires);
    }

    public String encode(StickyPort sticky) {
        return write(out -> {
            out.writeStartObject();
            out.writeNumberField("port", sticky.port());
            out.writeNumberField("last_used", sticky.lastUsed().toEpochMilli());
            out.writeEndObject();
        });
    }

    public StickyPort decodeSticky(String key, String value) {
        Map<String, String> fields = fields(value);
        return new StickyPort(owner(key), integer(fields, "port", value),
                Instant.ofEpochMilli(number(fields, "last_used", value)));
    }

    public String processKey(String project, String instance, String service, long pid) {
        return write(out -> {
            out.writeStartArray();
            out.writeString(project);
            out.writeString(instance);
            out.writeString(service);
            out.writeNumber(pid);
            out.writeEndArray();
        });
    }

    public String encode(ProcessRecord process) {
        return write(out -> {
            out.writeStartObject();
            out.writeStringField("project", process.project());
            out.writeStringField("instance", process.instance());
            out.writeStringField("service", process.service());
            out.writeNumberField("pid", process.pid());
            out.writeNumberField("pid_start", process.pidStart());
            out.writeNumberField("supervisor_pid", process.supervisorPid());
            out.writeNumberField("supervisor_start", process.supervisorStart());
            out.writeNumberField("started_at", process.startedAt().toEpochMilli());
            out.writeEndObject();
        });
    }

    public ProcessRecord decodeProcess(String value) {
        Map<String, String> fields = fields(value);
        return new ProcessRecord(fields.getOrDefault("project", ""), fields.getOrDefault("instance", ""),
                fields.getOrDefault("service", ""), number(fields, "pid", value), number(fields, "pid_start", value),
                number(fields, "supervisor_pid", value), number(fields, "supervisor_start", value),
                Instant.ofEpochMilli(number(fields, "started_at", value)));
    }

    public String encode(RegistryEvent event) {
        return write(out -> {
            out.writeStartObject();
            out.writeNumberField("at", event.at().toEpochMilli());
            out.writeStringField("kind", event.kind().word());
            out.writeNumberField("port", event.port());
            out.writeStringField("owner", event.owner());
            out.writeNumberField("pid", event.pid());
            out.writeStringField("user", event.user());
            out.writeStringField("detail", event.detail());
            if (event.remote()) {
                out.writeStringField("host", event.host());
            }
            out.writeEndObject();
        });
    }

    public RegistryEvent decodeEvent(String value) {
        Map<String, String> fields = fields(value);
        RegistryEvent.Kind kind;
        try {
            kind = RegistryEvent.Kind.valueOf(fields.getOrDefault("kind", "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DamagedEntry(value + " has an unknown `kind`", e);
        }
        return new RegistryEvent(Instant.ofEpochMilli(number(fields, "at", value)), kind, integer(fields, "port", value),
                fields.getOrDefault("owner", ""), number(fields, "pid", value), fields.getOrDefault("user", ""),
                fields.getOrDefault("detail", ""), fields.getOrDefault("host", ""));
    }

    private interface Writing {
        void to(JsonGenerator out) throws IOException;
    }

    private String write(Writing writing) {
        StringWriter text = new StringWriter(96);
        try (JsonGenerator out = json.createGenerator(text)) {
            writing.to(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON into a string cannot fail", e);
        }
        return text.toString();
    }

    /** The scalar fields of a flat JSON object, as text; unknown fields are kept and ignored. */
    private Map<String, String> fields(String value) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser in = json.createParser(value)) {
            expect(in.nextToken(), JsonToken.START_OBJECT, value);
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                JsonToken token = in.nextToken();
                if (token.isScalarValue()) {
                    fields.put(name, in.getText());
                } else {
                    in.skipChildren();
                }
            }
        } catch (IOException e) {
            throw unreadable(value, e);
        }
        return fields;
    }

    private static long number(Map<String, String> fields, String name, String value) {
        try {
            return Long.parseLong(fields.get(name));
        } catch (NumberFormatException e) {
            throw new DamagedEntry(value + " has no number `" + name + "`", e);
        }
    }

    private static int integer(Map<String, String> fields, String name, String value) {
        return Math.toIntExact(number(fields, name, value));
    }

    private static void expect(JsonToken actual, JsonToken expected, String text) {
        if (actual != expected) {
            throw new DamagedEntry(text + " is not what devstack writes", null);
        }
    }

    private static DamagedEntry unreadable(String text, IOException e) {
        return new DamagedEntry(text + " is not JSON", e);
    }
}
