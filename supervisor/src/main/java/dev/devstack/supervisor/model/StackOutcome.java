package dev.devstack.supervisor.model;

import java.util.List;
import java.util.Optional;

/**
 * How a stack ended: stopped on request, or because every service ended on its own
 * (then {@link #allSucceeded()} tells whether they all exited with 0); {@code failure} names the
 * service whose failure stopped it (`exit_on_failure`).
 */
public record StackOutcome(boolean stopRequested, List<ServiceSnapshot> services, Optional<Failure> failure) {

    /** A service whose failure ended the stack, and how it ended. */
    public record Failure(String service, ServiceDetail ended) {
    }

    public StackOutcome {
        services = List.copyOf(services);
    }

    public boolean allSucceeded() {
        return unsuccessful().isEmpty();
    }

    /** The services that ended other than with exit 0 or stopped by devstack: crashed, failed, blocked. */
    public List<ServiceSnapshot> unsuccessful() {
        return services.stream().filter(s -> s.state() != ServiceState.EXITED && s.state() != ServiceState.STOPPED).toList();
    }
}
