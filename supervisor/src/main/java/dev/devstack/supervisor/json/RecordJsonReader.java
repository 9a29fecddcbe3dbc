package dev.devstack.supervisor.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.supervisor.Signal;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Reads back a typed value that {@link RecordJson} wrote, by the same rules and from the same
 * record components: a sealed interface's record is found by its {@code kind}, each component is
 * read by its type and the canonical constructor makes the record, so a new kind needs no code
 * here. Durations come back to the millisecond, as they are written.
 */
final class RecordJsonReader {

    private RecordJsonReader() {
    }

    static <T> T read(JsonNode value, Class<T> type, String where) throws JsonMappingException {
        @SuppressWarnings("unchecked")
        T read = (T) value(value, type, where);
        return read;
    }

    private static Object value(JsonNode value, Type type, String where) throws JsonMappingException {
        if (type instanceof ParameterizedType generic && generic.getRawType() == Optional.class) {
            return value.isNull() ? Optional.empty()
                    : Optional.of(value(value, generic.getActualTypeArguments()[0], where));
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            if (!value.isArray()) {
                throw expected(where, "a list", value);
            }
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                items.add(value(value.get(i), generic.getActualTypeArguments()[0], where + "[" + i + "]"));
            }
            return List.copyOf(items);
        }
        if (type == OptionalLong.class) {
            return value.isNull() ? OptionalLong.empty() : OptionalLong.of(number(value, where));
        }
        if (type == OptionalInt.class) {
            return value.isNull() ? OptionalInt.empty() : OptionalInt.of(integer(value, where));
        }
        if (!(type instanceof Class<?> plain)) {
            throw new IllegalStateException("devstack writes no " + type + " as JSON (" + where + ")");
        }
        if (plain == String.class) {
            return text(value, where);
        }
        if (plain == int.class || plain == Integer.class) {
            return integer(value, where);
        }
        if (plain == long.class || plain == Long.class) {
            return number(value, where);
        }
        if (plain == boolean.class || plain == Boolean.class) {
            if (!value.isBoolean()) {
                throw expected(where, "true or false", value);
            }
            return value.booleanValue();
        }
        return object(value, plain, where);
    }

    private static Object object(JsonNode value, Class<?> type, String where) throws JsonMappingException {
        if (type == Duration.class) {
            return duration(value, where);
        }
        if (type == Instant.class) {
            return instant(value, where);
        }
        if (type == Path.class) {
            return path(value, where);
        }
        if (type == Signal.class) {
            return Signal.named(text(value, where)).orElseThrow(() -> expected(where,
                    "a signal (" + Arrays.stream(Signal.values()).map(Signal::toString).collect(Collectors.joining(", ")) + ")",
                    value));
        }
        if (type.isEnum()) {
            return word(value, type, where);
        }
        if (type.isSealed()) {
            return kinded(JsonFields.of(value, where), type);
        }
        if (type.isRecord()) {
            return record(JsonFields.of(value, where), type, RecordJson.kind(type));
        }
        throw new IllegalStateException("devstack writes no " + type.getName() + " as JSON (" + where + ")");
    }

    private static Object kinded(JsonFields fields, Class<?> type) throws JsonMappingException {
        String kind = fields.read("kind", String.class);
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            if (RecordJson.kind(permitted).equals(kind)) {
                return record(fields.ofKind(kind), permitted, kind);
            }
        }
        String known = Arrays.stream(type.getPermittedSubclasses()).map(RecordJson::kind).sorted()
                .collect(Collectors.joining(", "));
        throw JsonFields.problem(fields.where(), "unknown kind \"" + kind + "\" of " + RecordJson.kind(type)
                + "; this devstack knows " + known + " (a newer devstack may have written it)");
    }

    private static Object record(JsonFields fields, Class<?> type, String kind) throws JsonMappingException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String field = RecordJson.field(components[i]);
            types[i] = components[i].getType();
            values[i] = value(fields.get(field), components[i].getGenericType(), fields.where(field));
        }
        Constructor<?> canonical;
        try {
            canonical = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record without its canonical constructor: " + type.getName(), e);
        }
        try {
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw JsonFields.problem(fields.where(), "not a " + kind + ": " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
    }

    private static String text(JsonNode value, String where) throws JsonMappingException {
        if (!value.isTextual()) {
            throw expected(where, "a string", value);
        }
        return value.textValue();
    }

    private static int integer(JsonNode value, String where) throws JsonMappingException {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw expected(where, "an integer", value);
        }
        return value.intValue();
    }

    private static long number(JsonNode value, String where) throws JsonMappingException {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw expected(where, "an integer", value);
        }
        return value.longValue();
    }

    private static Duration duration(JsonNode value, String where) throws JsonMappingException {
        if (!value.isNumber()) {
            throw expected(where, "seconds (a number)", value);
        }
        BigDecimal millis = value.decimalValue().movePointRight(3).setScale(0, RoundingMode.HALF_UP);
        try {
            return Duration.ofMillis(millis.longValueExact());
        } catch (ArithmeticException e) {
            throw expected(where, "seconds (a number)", value);
        }
    }

    private static Instant instant(JsonNode value, String where) throws JsonMappingException {
        try {
            return Instant.parse(text(value, where));
        } catch (DateTimeParseException e) {
            throw expected(where, "an instant (2026-11-30T08:01:12.871Z)", value);
        }
    }

    private static Path path(JsonNode value, String where) throws JsonMappingException {
        try {
            return Path.of(text(value, where));
        } catch (InvalidPathException e) {
            throw expected(where, "a path", value);
        }
    }

    private static Object word(JsonNode value, Class<?> type, String where) throws JsonMappingException {
        String word = text(value, where);
        for (Object constant : type.getEnumConstants()) {
            if (lowerCase(constant).equals(word)) {
                return constant;
            }
        }
        String known = Arrays.stream(type.getEnumConstants()).map(RecordJsonReader::lowerCase).collect(Collectors.joining(", "));
        throw expected(where, "one of " + known, value);
    }

    private static String lowerCase(Object constant) {
        return ((Enum<?>) constant).name().toLowerCase(Locale.ROOT);
    }

    private static JsonMappingException expected(String where, String what, JsonNode value) {
        return JsonFields.problem(where, "expected " + what + ", got " + JsonFields.shown(value));
    }
}
