package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceDetail;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code detail} of a service snapshot and of a state change (docs/json.md): the typed value
 * as an object whose {@code kind} names its record in snake_case ({@code restart_scheduled}), with
 * the record's components as fields, nested values named by their kind too, and {@code text}, the
 * same words the dashboard shows. Durations are seconds, paths strings, an empty optional null,
 * signals their names ({@code SIGTERM}), other enums words. Written with the streaming API from the
 * records' components: Jackson's object mapper would cost every `up` its start-up and every new
 * kind its introspection, on the thread that writes run.json while the stack stops.
 */
public final class DetailJson {

    private DetailJson() {
    }

    static void write(JsonGenerator json, ServiceDetail detail) throws IOException {
        write(json, "detail", detail);
    }

    /** The detail as the field {@code name}: what a check found, say, beside a service's own detail. */
    public static void write(JsonGenerator json, String name, ServiceDetail detail) throws IOException {
        json.writeObjectFieldStart(name);
        fields(json, (Record) detail);
        json.writeStringField("text", DetailText.of(detail));
        json.writeEndObject();
    }

    /** A record's kind: its simple name in snake_case. */
    static String kind(Class<?> type) {
        return snakeCase(type.getSimpleName());
    }

    private static void fields(JsonGenerator json, Record value) throws IOException {
        json.writeStringField("kind", kind(value.getClass()));
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            json.writeFieldName(snakeCase(component.getName()));
            value(json, component(value, component));
        }
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        Object present = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (present == null) {
            json.writeNull();
        } else if (present instanceof Record record) {
            json.writeStartObject();
            fields(json, record);
            json.writeEndObject();
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
