package dev.devstack.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the registry's audit log (`devstack history`). {@code owner} describes the lease
 * owner ("api of /home/dev/shop", "claim \"ci-db\"") or is empty; {@code pid} is 0 when no process
 * is involved; {@code detail} says why or how, in words. {@code host} is empty for this host's events; a
 * team registry names the other host an event happened on.
 */
public record RegistryEvent(Instant at, Kind kind, int port, String owner, long pid, String user, String detail,
                            String host) {

    /** How many events the registry keeps; older ones are dropped. */
    public static final int KEPT = 10_000;

    public enum Kind {
        CLAIM, RELEASE, SWEEP, CONFLICT, MOVE, KILL;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RegistryEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(host, "host");
    }

    /** An event of this host. */
    public RegistryEvent(Instant at, Kind kind, int port, String owner, long pid, String user, String detail) {
        this(at, kind, port, owner, pid, user, detail, "");
    }

    /** The same event, as seen from a host other than {@code host}'s. */
    public RegistryEvent on(String otherHost) {
        return new RegistryEvent(at, kind, port, owner, pid, user, detail, otherHost);
    }

    public boolean remote() {
        return !host.isEmpty();
    }
}
