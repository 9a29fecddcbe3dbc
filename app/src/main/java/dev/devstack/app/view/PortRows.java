package dev.devstack.app.view;

import java.util.List;

/** The machine's listening ports and devstack leases, for the ports view; read off the drawing thread. */
@FunctionalInterface
public interface PortRows {

    /**
     * Every listening TCP port and every live lease, by port; then the leases a team registry holds
     * for other hosts, by host and port. A failure to read the registry is thrown.
     */
    List<PortRow> read();
}
