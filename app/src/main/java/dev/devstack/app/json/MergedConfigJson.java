package dev.devstack.app.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devstack.supervisor.config.ConfigSetting;
import dev.devstack.supervisor.config.MergedConfig;
import dev.devstack.supervisor.json.JsonDocument;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Locale;

/** `devstack config --json`: every value of the merged configuration with its path and origin. */
public final class MergedConfigJson {

    private MergedConfigJson() {
    }

    public static void print(MergedConfig config, PrintStream out) {
        JsonDocument.print(out, JsonDocument.COMMAND_SCHEMA_VERSION, json -> {
            JsonDocument.strings(json, "files", config.files());
            json.writeStringField("environment", config.environment().orElse(null));
            json.writeArrayFieldStart("settings");
            for (ConfigSetting setting : config.settings()) {
                json.writeStartObject();
                json.writeArrayFieldStart("path");
                for (ConfigSetting.Step step : setting.path()) {
                    if (step.isIndex()) {
                        json.writeNumber(step.index());
                    } else {
                        json.writeString(step.key());
                    }
                }
                json.writeEndArray();
                json.writeFieldName("value");
                value(json, setting);
                json.writeStringField("origin", setting.origin());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    private static void value(JsonGenerator json, ConfigSetting setting) throws IOException {
        switch (setting.kind()) {
            case TEXT -> json.writeString(setting.text());
            case NUMBER -> number(json, setting.text());
            case BOOLEAN -> json.writeBoolean(truth(setting.text()));
            case NULL -> json.writeNull();
            case EMPTY_LIST -> {
                json.writeStartArray();
                json.writeEndArray();
            }
            case EMPTY_MAPPING -> {
                json.writeStartObject();
                json.writeEndObject();
            }
        }
    }

    /** YAML numbers that JSON cannot write as they are (0x1F, 1_000, .inf) stay text. */
    private static void number(JsonGenerator json, String text) throws IOException {
        try {
            json.writeNumber(new BigDecimal(text));
        } catch (NumberFormatException e) {
            json.writeString(text);
        }
    }

    private static boolean truth(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            default -> false;
        };
    }
}
