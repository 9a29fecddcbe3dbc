package dev.devstack.app.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One port of the machine: the addresses something listens on (none for a leased port nobody
 * listens on), the listening process when it may be seen and its process group, its user, the
 * devstack lease on the port, and whether the listener is a {@code conflict}: not the process of
 * the service the port is leased to. {@code host} is empty for this machine's ports; a row of a
 * lease a team registry holds for another host names that host, and has only the lease and its user.
 */
public record PortRow(int port, List<String> addresses, Optional<PortProcess> process, OptionalLong processGroup,
                      String user, Optional<PortLease> lease, boolean conflict, String host) {

    public PortRow {
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(host, "host");
    }

    /** A lease a team registry holds for {@code host}, another machine: nothing of it can be seen from here. */
    public static PortRow remote(String host, int port, String user, PortLease lease) {
        return new PortRow(port, List.of(), Optional.empty(), OptionalLong.empty(), user, Optional.of(lease), false, host);
    }

    public boolean listening() {
        return !addresses.isEmpty();
    }

    /** Another host's lease, not a port of this machine. */
    public boolean remote() {
        return !host.isEmpty();
    }
}
