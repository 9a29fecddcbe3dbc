package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON object devstack wrote, read back field by field. {@code where} is its place in the
 * document ({@code snapshot.services[1].detail(restart_scheduled)}), so that a field missing or of
 * the wrong type is an error that names the field, the kind that should have it and where it is.
 * Fields it is not asked for are ignored: a newer devstack may add some.
 */
final class JsonFields {

    private static final int SHOWN = 60;

    private final JsonNode object;
    private final String where;

    private JsonFields(JsonNode object, String where) {
        this.object = object;
        this.where = where;
    }

    /** Reads one element of an array; {@code where} is its place. */
    @FunctionalInterface
    interface Element<T> {
        T read(JsonNode value, String where) throws JsonMappingException;
    }

    static JsonFields of(JsonNode value, String where) throws JsonMappingException {
        if (value == null || !value.isObject()) {
            throw problem(where, "expected an object, got " + shown(value));
        }
        return new JsonFields(value, where);
    }

    /** The same fields, their place now naming the kind of value they make. */
    JsonFields ofKind(String kind) {
        return new JsonFields(object, where + "(" + kind + ")");
    }

    String where() {
        return where;
    }

    String where(String name) {
        return where + "." + name;
    }

    JsonNode get(String name) throws JsonMappingException {
        JsonNode value = object.get(name);
        if (value == null) {
            throw problem(where, "missing field \"" + name + "\"");
        }
        return value;
    }

    <T> T read(String name, Class<T> type) throws JsonMappingException {
        return RecordJsonReader.read(get(name), type, where(name));
    }

    /** A field that is null when there is no value. */
    <T> Optional<T> optional(String name, Class<T> type) throws JsonMappingException {
        JsonNode value = get(name);
        return value.isNull() ? Optional.empty() : Optional.of(RecordJsonReader.read(value, type, where(name)));
    }

    <T> List<T> list(String name, Element<T> element) throws JsonMappingException {
        JsonNode array = get(name);
        if (!array.isArray()) {
            throw problem(where(name), "expected an array, got " + shown(array));
        }
        List<T> read = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            read.add(element.read(array.get(i), where(name) + "[" + i + "]"));
        }
        return read;
    }

    static JsonMappingException problem(String where, String message) {
        return JsonMappingException.from((JsonParser) null, where + ": " + message);
    }

    static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        String text = value.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
