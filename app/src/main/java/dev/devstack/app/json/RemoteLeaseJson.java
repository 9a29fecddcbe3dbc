package dev.devstack.app.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devstack.app.Leases;
import dev.devstack.store.Lease;
import dev.devstack.store.RemoteLease;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The leases a team registry holds for other hosts, the same array in `ports --all --json` and
 * `who --json`. No `alive`: whether the holder still runs can be told only on its host (the
 * registry drops its leases when it stops keeping them); `expires_at` is there for claims by hand.
 */
final class RemoteLeaseJson {

    private RemoteLeaseJson() {
    }

    static void write(JsonGenerator json, List<RemoteLease> remote) throws IOException {
        json.writeArrayFieldStart("remote");
        for (RemoteLease entry : remote) {
            Lease lease = entry.lease();
            json.writeStartObject();
            json.writeStringField("host", entry.host());
            json.writeNumberField("port", lease.port());
            json.writeStringField("user", lease.user());
            json.writeStringField("owner", Leases.shortName(lease.owner()));
            json.writeStringField("project_path", lease.owner().project());
            json.writeStringField("instance", lease.owner().instance());
            json.writeStringField("service", lease.owner().service());
            json.writeStringField("port_name", lease.owner().portName());
            json.writeNumberField("devstack_pid", lease.pid());
            json.writeStringField("claimed_at", lease.claimedAt().toString());
            json.writeStringField("expires_at", lease.expiresAt().map(Instant::toString).orElse(null));
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
