package dev.devstack.supervisor.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.ReadinessFinding;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.StopCause;
import dev.devstack.supervisor.model.StopMeans;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code detail} of a service snapshot and of a state change (docs/json.md): the typed value
 * as an object whose {@code kind} names its record in snake_case ({@code restart_scheduled}), with
 * the record's components as fields, and {@code text}, the same words the dashboard shows.
 * Durations are seconds, paths strings, an empty optional null, signals their names
 * ({@code SIGTERM}), other enums words.
 */
final class DetailJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("devstack-detail")
                    .addSerializer(Duration.class, new DurationSeconds())
                    .addSerializer(Path.class, ToStringSerializer.instance)
                    .addSerializer(Optional.class, new OptionalValue())
                    .addSerializer(Enum.class, new EnumWord())
                    .setMixInAnnotation(ServiceDetail.class, Kinded.class)
                    .setMixInAnnotation(ExitDescription.class, Kinded.class)
                    .setMixInAnnotation(ReadinessFinding.class, Kinded.class)
                    .setMixInAnnotation(StopCause.class, Kinded.class)
                    .setMixInAnnotation(StopMeans.class, Kinded.class))
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private DetailJson() {
    }

    static void write(JsonGenerator json, ServiceDetail detail) throws IOException {
        ObjectNode node = MAPPER.valueToTree(detail);
        node.put("text", DetailText.of(detail));
        json.writeFieldName("detail");
        MAPPER.writeTree(json, node);
    }

    /** A record's kind: its simple name in snake_case. */
    static String kind(Class<?> type) {
        return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(type.getSimpleName());
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY, property = "kind")
    @JsonTypeIdResolver(KindResolver.class)
    private interface Kinded {
    }

    private static final class KindResolver extends TypeIdResolverBase {

        @Override
        public String idFromValue(Object value) {
            return kind(value.getClass());
        }

        @Override
        public String idFromValueAndType(Object value, Class<?> type) {
            return kind(type);
        }

        @Override
        public JsonTypeInfo.Id getMechanism() {
            return JsonTypeInfo.Id.CUSTOM;
        }

        @Override
        public JavaType typeFromId(DatabindContext context, String id) {
            throw new UnsupportedOperationException("devstack writes details; it never reads them back");
        }
    }

    private static final class DurationSeconds extends StdSerializer<Duration> {

        DurationSeconds() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration duration, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeNumber(duration.toMillis() / 1000.0);
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class OptionalValue extends StdSerializer<Optional> {

        OptionalValue() {
            super(Optional.class);
        }

        @Override
        public void serialize(Optional value, JsonGenerator json, SerializerProvider provider) throws IOException {
            provider.defaultSerializeValue(value.orElse(null), json);
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class EnumWord extends StdSerializer<Enum> {

        EnumWord() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(value instanceof Signal ? value.toString() : value.name().toLowerCase(Locale.ROOT));
        }
    }
}
