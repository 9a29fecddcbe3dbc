package dev.devstack.tui;

import dev.devstack.app.view.ServiceUsage;
import dev.devstack.supervisor.model.HostNames;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackSnapshot;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything one frame is drawn from: where, in what styles, the stack as it is now, the services
 * the filter lets through, their resource use, the recent lines, the user's choices, whether the
 * dashboard is attached to a stack running elsewhere, where the stack's HTTP API answers, how the
 * instance is named, the agent's port when the services' URLs are their names, and where a click
 * lands (recorded as the frame is drawn).
 */
record Frame(Canvas canvas, Theme theme, Symbols symbols, ViewState view, DashboardMode mode, StackSnapshot stack,
             List<ServiceSnapshot> visible, Map<String, ServiceUsage> usage, LogBook logs,
             Instant now, ZoneId zone, Optional<String> apiUrl, String instanceLabel, OptionalInt agentPort,
             ScreenTargets targets) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    String clock(Instant at) {
        return CLOCK.format(at.atZone(zone));
    }

    /** The position of a service in configuration order, for its colour in the interleaved logs. */
    int indexOf(String service) {
        List<ServiceSnapshot> all = stack.services();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(service)) {
                return i;
            }
        }
        return -1;
    }

    /** The URL of one of the stack's ports: by the service's name through the agent, or on loopback. */
    String urlOf(String unit, int port, boolean primary) {
        return primary ? nameOf(unit).orElse("http://127.0.0.1:" + port) : "http://127.0.0.1:" + port;
    }

    /** A service's URL by its name through the agent, when the stack's URLs are names. */
    Optional<String> nameOf(String unit) {
        if (agentPort.isEmpty() || stack.service(unit).map(service -> service.ports().isEmpty()).orElse(true)) {
            return Optional.empty();
        }
        return Optional.of(HostNames.url(HostNames.service(HostNames.serviceOf(unit), stack.instance(), stack.project()),
                agentPort.getAsInt()));
    }
}
