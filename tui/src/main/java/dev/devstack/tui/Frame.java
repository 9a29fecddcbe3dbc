package dev.devstack.tui;

import dev.devstack.app.view.ServiceUsage;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackSnapshot;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one frame is drawn from: where, in what styles, the stack as it is now, the services
 * the filter lets through, their resource use, the recent lines, the user's choices, whether the
 * dashboard is attached to a stack running elsewhere, where the stack's HTTP API answers, and how the
 * instance is named.
 */
record Frame(Canvas canvas, Theme theme, Symbols symbols, ViewState view, DashboardMode mode, StackSnapshot stack,
             List<ServiceSnapshot> visible, Map<String, ServiceUsage> usage, LogBook logs,
             Instant now, ZoneId zone, Optional<String> apiUrl, String instanceLabel) {

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
}
