package dev.devstack.supervisor.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A top-level JSON document of devstack (docs/json.md): one object that begins with its
 * {@code schema_version}, pretty-printed with Jackson's streaming writer.
 */
public final class JsonDocument {

    /** The version of the command outputs (`ports`, `who`, `history`); run.json has its own. */
    public static final int COMMAND_SCHEMA_VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonDocument() {
    }

    /** What goes into the document after {@code schema_version}. */
    @FunctionalInterface
    public interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    /** Prints the document and a newline. */
    public static void print(PrintStream out, int schemaVersion, Fields fields) {
        write(out, schemaVersion, fields);
        out.println();
    }

    public static void write(OutputStream out, int schemaVersion, Fields fields) {
        write(out, schemaVersion, fields, true);
    }

    /** The same on one line, for a program at the other end (the HTTP API, a server-sent event's data). */
    public static void writeCompact(OutputStream out, int schemaVersion, Fields fields) {
        write(out, schemaVersion, fields, false);
    }

    private static void write(OutputStream out, int schemaVersion, Fields fields, boolean pretty) {
        try (JsonGenerator json = pretty ? FACTORY.createGenerator(out).useDefaultPrettyPrinter()
                : FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeNumberField("schema_version", schemaVersion);
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document on one line, without its newline: one record of a stream of them (JSON Lines). */
    public static String line(int schemaVersion, Fields fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("schema_version", schemaVersion);
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a document is written to memory", e);
        }
        return out.toString();
    }

    public static void number(JsonGenerator json, String name, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            json.writeNumberField(name, value.getAsLong());
        } else {
            json.writeNullField(name);
        }
    }

    public static void number(JsonGenerator json, String name, OptionalInt value) throws IOException {
        if (value.isPresent()) {
            json.writeNumberField(name, value.getAsInt());
        } else {
            json.writeNullField(name);
        }
    }

    public static void strings(JsonGenerator json, String name, Iterable<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
