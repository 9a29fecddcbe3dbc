package dev.devstack.app;

import dev.devstack.store.LeaseOwner;
import dev.devstack.store.RegistryView;
import dev.devstack.store.StickyPort;
import dev.devstack.supervisor.DevstackException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one port the agent serves names on (docs/names.md), the same every time: the one asked for
 * ({@code agent start --port}, else {@code DEVSTACK_AGENT_PORT}), else the one it had last (its sticky
 * port in the registry), else {@link #DEFAULT}. A stack that puts names in its URLs finds the port
 * the same way before the agent runs, so its URLs hold when the agent starts later.
 */
public final class AgentPort {

    /** Unassigned by IANA, seldom used by development servers, and above 1024, where anyone may bind. */
    public static final int DEFAULT = 2080;
    public static final String VARIABLE = "DEVSTACK_AGENT_PORT";

    private AgentPort() {
    }

    /** The agent's lease: one per devstack home, never a claim by hand (`release` cannot take it away). */
    public static LeaseOwner owner(Path home) {
        return new LeaseOwner(home.toAbsolutePath().normalize().toString(), "default", "@agent", "");
    }

    public static int of(Optional<Integer> asked, Map<String, String> environment, RegistryView registry, Path home) {
        return asked.or(() -> Optional.ofNullable(environment.get(VARIABLE)).map(AgentPort::parse))
                .or(() -> registry.sticky(owner(home)).map(StickyPort::port))
                .orElse(DEFAULT);
    }

    private static int parse(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw DevstackException.invalidConfig(VARIABLE + "=" + text + " is not a port number of 1-65535", List.of(
                "set it to the port the agent should serve names on, or unset it for the one it had last (first "
                        + DEFAULT + ")"));
    }
}
