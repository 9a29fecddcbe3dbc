package dev.devstack.tui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the dashboard needs to know of its surroundings: the project folder (to tell its leases from
 * others'), the environment (NO_COLOR, TERM, the locale), the clock and the time zone.
 */
public record DashboardContext(Path projectDir, Map<String, String> environment, Clock clock, ZoneId zone) {

    public DashboardContext {
        environment = Map.copyOf(environment);
    }
}
