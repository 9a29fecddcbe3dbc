package dev.devstack.agent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How one agent runs: the user's devstack home (registry, control sockets, its own socket), the
 * port asked for (else the one it had last, {@code AgentPort}), how long it stays with no running
 * stack and no request, the user's environment and the clock.
 */
public record AgentSettings(Path home, Optional<Integer> port, Duration idleExit, Map<String, String> environment,
                            Clock clock) {

    /** Long enough to outlive a `down` and `up` again, or a coffee; short enough not to linger for days. */
    public static final Duration IDLE_EXIT = Duration.ofMinutes(30);

    public AgentSettings {
        environment = Map.copyOf(environment);
    }
}
