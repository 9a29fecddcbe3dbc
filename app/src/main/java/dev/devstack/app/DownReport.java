package dev.devstack.app;

import java.util.List;
import java.util.OptionalLong;

/** What `devstack down` did: the running devstack it stopped, and the leftovers it ended. */
public record DownReport(OptionalLong stoppedSupervisor, List<String> endedLeftovers) {

    public DownReport {
        endedLeftovers = List.copyOf(endedLeftovers);
    }

    public boolean nothingRan() {
        return stoppedSupervisor.isEmpty() && endedLeftovers.isEmpty();
    }
}
