package dev.devstack.app.http;

import dev.devstack.app.view.PortLease;
import dev.devstack.app.view.PortProcess;
import dev.devstack.app.view.PortRow;
import dev.devstack.app.view.PortRows;
import java.time.Duration;
import java.util.List;

/**
 * {@code GET /api/machine/ports}: every listening TCP port of the machine and every devstack lease,
 * as the dashboard's ports view shows them: addresses, the listening process, its user, the lease,
 * and whether the listener is a conflict (not the process of the service the port is leased to);
 * then the leases a team registry holds for other hosts, each with its {@code host} (empty for
 * this machine's rows). One walk of /proc and one read of the registry serve every request within a second.
 */
final class MachinePortsDocument {

    private final RecentDocument recent;

    MachinePortsDocument(PortRows rows) {
        this.recent = new RecentDocument(Duration.ofSeconds(1), () -> write(rows.read()));
    }

    /** The document as of at most a second ago; a failure to read the registry is thrown. */
    byte[] current() {
        return recent.current();
    }

    private static byte[] write(List<PortRow> rows) {
        return ApiJson.success(json -> {
            json.writeArrayFieldStart("data");
            for (PortRow row : rows) {
                json.writeStartObject();
                json.writeNumberField("port", row.port());
                json.writeArrayFieldStart("addresses");
                for (String address : row.addresses()) {
                    json.writeString(address);
                }
                json.writeEndArray();
                if (row.process().isPresent()) {
                    PortProcess process = row.process().get();
                    json.writeNumberField("pid", process.pid());
                    json.writeStringField("command", process.commandLine());
                    json.writeStringField("process", process.description());
                } else {
                    json.writeNullField("pid");
                    json.writeStringField("command", "");
                    json.writeNullField("process");
                }
                json.writeStringField("user", row.user());
                if (row.lease().isPresent()) {
                    PortLease lease = row.lease().get();
                    json.writeObjectFieldStart("lease");
                    json.writeStringField("owner", lease.owner());
                    json.writeBooleanField("this_project", lease.thisProject());
                    json.writeEndObject();
                } else {
                    json.writeNullField("lease");
                }
                json.writeBooleanField("conflict", row.conflict());
                json.writeStringField("host", row.host());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }
}
