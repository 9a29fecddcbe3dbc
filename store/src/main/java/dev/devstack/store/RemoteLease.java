package dev.devstack.store;

import java.util.Objects;

/**
 * A lease a team registry holds for another host: shown to people beside this host's own, never
 * swept or planned around here, since its ports are another machine's.
 */
public record RemoteLease(String host, Lease lease) {

    public RemoteLease {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(lease, "lease");
    }
}
