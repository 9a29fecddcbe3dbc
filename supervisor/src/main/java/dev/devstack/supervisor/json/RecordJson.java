package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devstack.supervisor.Signal;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A typed value as JSON (docs/json.md): a record is an object whose {@code kind} names it in
 * snake_case ({@code restart_scheduled}), with its components as snake_case fields; durations are
 * seconds, paths and instants strings, an empty optional null, signals their names ({@code SIGTERM}),
 * other enums lower-case words. {@link RecordJsonReader} reads it back by the same rules. Written with
 * the streaming API from the records' components: Jackson's object mapper would cost every `up` its
 * start-up and every new kind its introspection, on the thread that writes run.json while the stack stops.
 */
final class RecordJson {

    private RecordJson() {
    }

    /** A record's kind: its simple name in snake_case. */
    static String kind(Class<?> type) {
        return snakeCase(type.getSimpleName());
    }

    /** The field a record component is written to. */
    static String field(RecordComponent component) {
        return snakeCase(component.getName());
    }

    /** The record's {@code kind} and its components, into the object being written. */
    static void fields(JsonGenerator json, Record value) throws IOException {
        json.writeStringField("kind", kind(value.getClass()));
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            json.writeFieldName(field(component));
            value(json, component(value, component));
        }
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        Object present = present(value);
        if (present == null) {
            json.writeNull();
        } else if (present instanceof Record record) {
            json.writeStartObject();
            fields(json, record);
            json.writeEndObject();
        } else if (present instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                value(json, item);
            }
            json.writeEndArray();
        } else if (present instanceof Duration duration) {
            json.writeNumber(duration.toMillis() / 1000.0);
        } else if (present instanceof Number number) {
            json.writeNumber(number.longValue());
        } else if (present instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (present instanceof Enum<?> word) {
            json.writeString(word instanceof Signal ? word.toString() : word.name().toLowerCase(Locale.ROOT));
        } else {
            json.writeString(present.toString());
        }
    }

    private static Object present(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.orElse(null);
        }
        if (value instanceof OptionalLong optional) {
            return optional.isPresent() ? optional.getAsLong() : null;
        }
        if (value instanceof OptionalInt optional) {
            return optional.isPresent() ? optional.getAsInt() : null;
        }
        return value;
    }

    private static Object component(Record value, RecordComponent component) {
        try {
            return component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + value, e);
        }
    }

    private static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                snake.append('_');
            }
            snake.append(Character.toLowerCase(c));
        }
        return snake.toString();
    }
}
