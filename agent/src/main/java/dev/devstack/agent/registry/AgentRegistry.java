package dev.devstack.agent.registry;

import dev.devstack.agent.socket.AgentHandler;
import dev.devstack.app.ManualLeases;
import dev.devstack.app.http.ApiToken;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The registry the agent serves, put together: its claim queue, the socket's handlers and the
 * HTTP part of the agent's site. The agent starts one and closes it when it stops.
 */
public final class AgentRegistry implements AutoCloseable {

    private final ClaimQueue queue;
    private final RegistryRequests requests;

    private AgentRegistry(ManualLeases leases) {
        this.queue = new ClaimQueue(leases);
        this.requests = new RegistryRequests(leases, queue);
    }

    /** The registry of {@code home}; {@code warnings} gets what the registry tells the user (a damaged file moved aside). */
    public static AgentRegistry start(Path home, Clock clock, Consumer<String> warnings) {
        return new AgentRegistry(ManualLeases.of(home, clock, warnings));
    }

    /** {@code claim}, {@code release}, {@code leases} and {@code who}, for {@link dev.devstack.agent.socket.AgentSocket#open}. */
    public Map<String, AgentHandler> handlers() {
        return requests.handlers();
    }

    /** The {@code /api/} part of the agent's site; changes need {@code token}. */
    public RegistrySite site(ApiToken token) {
        return new RegistrySite(requests, token);
    }

    /** Finishes the batch being written and refuses the changes that wait. */
    @Override
    public void close() {
        queue.close();
    }
}
