package dev.devstack.tui;

import dev.devstack.app.view.PortRows;
import dev.devstack.app.view.ResourceUsage;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the dashboard needs of its surroundings besides the stack: the machine's ports and each
 * service's CPU and memory (both read off the drawing thread), the environment (NO_COLOR, TERM,
 * the locale), the clock and the time zone.
 */
public record DashboardContext(PortRows ports, ResourceUsage resources, Map<String, String> environment, Clock clock,
                               ZoneId zone) {

    public DashboardContext {
        environment = Map.copyOf(environment);
    }
}
