package dev.devstack.app.http;

import dev.devstack.supervisor.json.JsonDocument;
import java.io.ByteArrayOutputStream;

/**
 * The envelope of every answer of the HTTP API (docs/protocol.md): a JSON document with its
 * {@code schema_version}, {@code success}, and then {@code data} or {@code error}. On one line:
 * the other end is a program.
 */
final class ApiJson {

    static final int SCHEMA_VERSION = 1;

    private ApiJson() {
    }

    /** {@code success: true} and what {@code fields} writes ({@code data}, and any field beside it). */
    static byte[] success(JsonDocument.Fields fields) {
        return document(json -> {
            json.writeBooleanField("success", true);
            fields.write(json);
        });
    }

    /** {@code success: false}, {@code error}, and what {@code fields} writes beside it (what was found, as data). */
    static byte[] failure(String message, JsonDocument.Fields fields) {
        return document(json -> {
            json.writeBooleanField("success", false);
            json.writeStringField("error", message);
            fields.write(json);
        });
    }

    static byte[] error(String message) {
        return document(json -> {
            json.writeBooleanField("success", false);
            json.writeStringField("error", message);
        });
    }

    /** A document of its own, without the envelope: the data of a server-sent event. */
    static byte[] document(JsonDocument.Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        JsonDocument.writeCompact(out, SCHEMA_VERSION, fields);
        return out.toByteArray();
    }
}
