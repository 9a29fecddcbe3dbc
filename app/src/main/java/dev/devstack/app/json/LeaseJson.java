package dev.devstack.app.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devstack.store.Lease;
import java.io.IOException;
import java.util.Optional;

/** A devstack lease, the same object in `who --json` and `ports --all --json`; null where there is none. */
final class LeaseJson {

    private LeaseJson() {
    }

    /** {@code alive}: whether the devstack (or process) that holds the lease still runs. */
    static void write(JsonGenerator json, Optional<Lease> lease, boolean alive) throws IOException {
        if (lease.isEmpty()) {
            json.writeNullField("lease");
            return;
        }
        Lease value = lease.get();
        json.writeObjectFieldStart("lease");
        json.writeStringField("project_path", value.owner().project());
        json.writeStringField("instance", value.owner().instance());
        json.writeStringField("service", value.owner().service());
        json.writeStringField("port_name", value.owner().portName());
        json.writeNumberField("devstack_pid", value.pid());
        json.writeBooleanField("alive", alive);
        json.writeStringField("claimed_at", value.claimedAt().toString());
        json.writeEndObject();
    }
}
