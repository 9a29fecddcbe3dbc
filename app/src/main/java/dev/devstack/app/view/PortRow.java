package dev.devstack.app.view;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One port of the machine: the addresses something listens on (none for a leased port nobody
 * listens on), the listening process when it may be seen and its process group, its user, the
 * devstack lease on the port, and whether the listener is a {@code conflict}: not the process of
 * the service the port is leased to.
 */
public record PortRow(int port, List<String> addresses, Optional<PortProcess> process, OptionalLong processGroup,
                      String user, Optional<PortLease> lease, boolean conflict) {

    public PortRow {
        addresses = List.copyOf(addresses);
    }

    public boolean listening() {
        return !addresses.isEmpty();
    }
}
