package dev.devstack.app.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devstack.detect.ProcessInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * A process, wherever one is written (`who`, `ports --all`): {@code pid}, {@code command} and
 * {@code started_at}, each null when the process cannot be seen (another user's).
 */
final class ProcessJson {

    private ProcessJson() {
    }

    static void write(JsonGenerator json, Optional<ProcessInfo> process) throws IOException {
        if (process.isPresent()) {
            json.writeNumberField("pid", process.get().pid());
            json.writeStringField("command", process.get().commandLine());
            json.writeStringField("started_at", Instant.ofEpochMilli(process.get().startMillis()).toString());
        } else {
            json.writeNullField("pid");
            json.writeNullField("command");
            json.writeNullField("started_at");
        }
    }
}
