package dev.devstack.app;

import dev.devstack.detect.ProcessDetails;
import java.util.List;
import java.util.Optional;

/**
 * One process listening on a port, on one or more addresses. {@code process} is empty when devstack
 * cannot see the process: another user's (Linux hides their pids; {@code foreign}) or one in
 * another container or PID namespace. Then only {@code user} is known.
 */
public record PortOccupant(List<String> addresses, Optional<ProcessDetails> process, String user, boolean foreign) {

    public PortOccupant {
        addresses = List.copyOf(addresses);
    }
}
