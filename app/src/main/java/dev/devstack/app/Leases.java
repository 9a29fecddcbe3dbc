package dev.devstack.app;

import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.supervisor.model.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** How a lease's owner is named in messages. */
public final class Leases {

    private Leases() {
    }

    /** "shop/api" (the project's folder name and the service), "claim \"ci-db\"" or "devstack agent": short, for tables. */
    public static String shortName(LeaseOwner owner) {
        if (owner.manual()) {
            return "claim \"" + owner.service() + "\"";
        }
        if (owner.equals(AgentPort.owner(Path.of(owner.project())))) {
            return "devstack agent";
        }
        Path folder = Path.of(owner.project()).getFileName();
        return (folder == null ? owner.project() : folder.toString()) + "/" + owner.label();
    }

    /**
     * What keeps the lease: "devstack pid 4242", "pid 4242" (a claim for a process), or "until
     * released"; and when it expires, if it does ("expires in 9m50s").
     */
    public static String holder(Lease lease, Instant now) {
        String expiry = lease.expiresAt().map(end -> end.isAfter(now)
                ? ", expires in " + DurationText.of(Duration.between(now, end)) : ", expired").orElse("");
        if (!lease.processBound()) {
            return "until released" + expiry;
        }
        return (lease.owner().manual() ? "pid " : "devstack pid ") + lease.pid() + expiry;
    }
}
