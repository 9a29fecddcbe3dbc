package dev.devstack.store.etcd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.devstack.store.PortPool;
import dev.devstack.store.RegistryException;
import dev.devstack.store.TeamPools;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code pools} key: {@code {"users":{"alice":{"rule":..,"first":..,"last":..}},"projects":{..}}},
 * in the same streaming JSON as the store's entries.
 */
final class PoolsCodec {

    private final JsonFactory json = new JsonFactory();

    String encode(TeamPools pools) {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator out = json.createGenerator(text)) {
            out.writeStartObject();
            writeGroup(out, "users", pools.users());
            writeGroup(out, "projects", pools.projects());
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON into a string cannot fail", e);
        }
        return text.toString();
    }

    private static void writeGroup(JsonGenerator out, String name, Map<String, PortPool> pools) throws IOException {
        out.writeObjectFieldStart(name);
        for (Map.Entry<String, PortPool> entry : pools.entrySet()) {
            out.writeObjectFieldStart(entry.getKey());
            out.writeStringField("rule", entry.getValue().rule());
            out.writeNumberField("first", entry.getValue().first());
            out.writeNumberField("last", entry.getValue().last());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    /** The pools in {@code value}, read from {@code where} (the key, for the message when it is damaged). */
    TeamPools decode(String value, String where) {
        Map<String, PortPool> users = new HashMap<>();
        Map<String, PortPool> projects = new HashMap<>();
        try (JsonParser in = json.createParser(value)) {
            expect(in.nextToken() == JsonToken.START_OBJECT, value, where);
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String group = in.currentName();
                expect(in.nextToken() == JsonToken.START_OBJECT, value, where);
                Map<String, PortPool> into = group.equals("users") ? users : group.equals("projects") ? projects : new HashMap<>();
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String name = in.currentName();
                    into.put(name, pool(in, value, where));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(value, where, e);
        }
        return new TeamPools(users, projects);
    }

    private static PortPool pool(JsonParser in, String value, String where) throws IOException {
        expect(in.nextToken() == JsonToken.START_OBJECT, value, where);
        String rule = null;
        int first = 0;
        int last = 0;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "rule" -> rule = in.getText();
                case "first" -> first = in.getIntValue();
                case "last" -> last = in.getIntValue();
                default -> in.skipChildren();
            }
        }
        expect(rule != null, value, where);
        return new PortPool(rule, first, last);
    }

    private static void expect(boolean holds, String value, String where) {
        if (!holds) {
            throw damaged(value, where, null);
        }
    }

    private static RegistryException damaged(String value, String where, Exception cause) {
        return new RegistryException("the team's pools at " + where + " are not what devstack writes (" + value
                + "); set them again with `devstack pools --replace FILE`", cause);
    }
}
