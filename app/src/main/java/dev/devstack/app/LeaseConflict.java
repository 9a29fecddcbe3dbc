package dev.devstack.app;

import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.LeaseOwner;
import java.util.Optional;

/**
 * A process that is not the leasing service's listens on a leased port: the lease's owner, and the
 * listener when we may see it (else only its user). {@link #describe()} is its one wording, for
 * `ports --all` as a table and as JSON.
 */
public record LeaseConflict(LeaseOwner owner, Optional<ProcessInfo> listener, String user) {

    public String describe() {
        return listener.map(process -> process.describe() + " listens on a port leased to " + owner.describe()
                        + ", and is not its process")
                .orElse("a process of " + user + " that devstack cannot see listens on a port leased to " + owner.describe());
    }
}
