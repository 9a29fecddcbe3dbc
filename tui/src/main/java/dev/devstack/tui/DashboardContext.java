package dev.devstack.tui;

import dev.devstack.app.view.CopyFile;
import dev.devstack.app.view.PortRows;
import dev.devstack.app.view.ResourceUsage;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the dashboard needs of its surroundings besides the stack: the machine's ports and each
 * service's CPU and memory (both read off the drawing thread), the environment (NO_COLOR, TERM,
 * the locale), the clock, the time zone, the URL of the stack's HTTP API (for the header), if it has one,
 * how the header names the instance (a git worktree's branch for its default instance), and the
 * agent's port when the stack's URLs are its services' names (a service's log title shows its name),
 * and the file copy mode also writes what it copies to.
 */
public record DashboardContext(PortRows ports, ResourceUsage resources, Map<String, String> environment, Clock clock,
                               ZoneId zone, Optional<String> apiUrl, String instanceLabel, OptionalInt agentPort,
                               CopyFile copies) {

    public DashboardContext {
        environment = Map.copyOf(environment);
    }
}
