package dev.devstack.app.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The {@code detail} of a service snapshot and of a state change: what the state says besides its
 * word ("pid 1234", "exit 1"). Today it is words; the one place to change when it becomes a typed value.
 */
final class DetailJson {

    private DetailJson() {
    }

    static void write(JsonGenerator json, String detail) throws IOException {
        json.writeStringField("detail", detail);
    }
}
