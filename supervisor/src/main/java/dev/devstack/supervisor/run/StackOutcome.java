package dev.devstack.supervisor.run;

import java.util.List;

/**
 * How a stack ended: stopped on request, or because every service ended on its own
 * (then {@link #allSucceeded()} tells whether they all exited with 0).
 */
public record StackOutcome(boolean stopRequested, List<ServiceSnapshot> services) {

    public StackOutcome {
        services = List.copyOf(services);
    }

    public boolean allSucceeded() {
        return services.stream().allMatch(s -> s.state() == ServiceState.EXITED || s.state() == ServiceState.STOPPED);
    }
}
