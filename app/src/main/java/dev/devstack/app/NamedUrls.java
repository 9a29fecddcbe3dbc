package dev.devstack.app;

import dev.devstack.store.MapDbLeaseRegistry;
import dev.devstack.supervisor.config.StackConfig;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether a stack's URLs are its services' names (`urls: names`), and then the agent's port that
 * they carry: what `up` gives the services, and what `ports`, `status` and the dashboards show.
 */
public final class NamedUrls {

    private NamedUrls() {
    }

    /** The agent's port for a stack whose URLs are names; empty when they are ports. */
    public static OptionalInt agentPort(ProjectContext context, StackConfig config) {
        if (!config.names().inUrls()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(new MapDbLeaseRegistry(context.home(), Machine.REGISTRY_WAIT, warning -> { },
                context.clock()).read(view -> AgentPort.of(Optional.empty(), context.environment(), view,
                context.home())));
    }
}
