package dev.devstack.tui;

import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The top row: project and instance ("attached" when the stack runs elsewhere), how many services
 * there are (and, while a filter is kept, how many it shows), how many are in each state, the address
 * of the stack's web page, the root of its HTTP API (last: the first to go when the terminal is
 * narrow), and the clock.
 */
final class HeaderBar {

    /** The order in which state counts are listed: what needs attention is never last. */
    private static final List<ServiceState> ORDER = List.of(ServiceState.READY, ServiceState.RUNNING,
            ServiceState.STARTING, ServiceState.PENDING, ServiceState.UNHEALTHY, ServiceState.BACKOFF,
            ServiceState.CRASHED, ServiceState.FAILED, ServiceState.BLOCKED, ServiceState.STOPPING,
            ServiceState.EXITED, ServiceState.STOPPED);

    private HeaderBar() {
    }

    static void draw(Frame frame, String title) {
        Canvas canvas = frame.canvas();
        Theme theme = frame.theme();
        String clock = frame.clock(frame.now());
        int limit = canvas.width - clock.length() - 2;
        String dot = frame.symbols().dot();
        int column = canvas.put(1, 0, "devstack", theme.strong, limit);
        column = canvas.put(column, 0, dot + frame.stack().project() + " (" + frame.instanceLabel() + ")",
                theme.plain, limit - column);
        if (frame.mode() == DashboardMode.ATTACHED) {
            column = canvas.put(column, 0, dot + "attached", theme.plain, limit - column);
        }
        if (!title.isEmpty()) {
            column = canvas.put(column, 0, dot + title, theme.strong, limit - column);
        }
        List<ServiceSnapshot> services = frame.stack().services();
        column = canvas.put(column, 0, dot + services.size() + (services.size() == 1 ? " service" : " services"),
                theme.plain, limit - column);
        String filter = frame.view().filter;
        if (!filter.isEmpty()) {
            column = canvas.put(column, 0, dot + "filter \"" + filter + "\": " + frame.visible().size() + " shown",
                    theme.strong, limit - column);
        }
        Map<ServiceState, Integer> counts = new EnumMap<>(ServiceState.class);
        services.forEach(s -> counts.merge(s.state(), 1, Integer::sum));
        for (ServiceState state : ORDER) {
            Integer count = counts.get(state);
            if (count != null) {
                column = canvas.put(column, 0, dot, theme.plain, limit - column);
                column = canvas.put(column, 0, count + " " + state.word(), theme.state(state), limit - column);
            }
        }
        String api = frame.apiUrl().map(url -> dot + "web " + url + "/").orElse("");
        if (!api.isEmpty() && api.length() <= limit - column) {
            canvas.put(column, 0, api, theme.plain, limit - column);
        }
        canvas.put(canvas.width - clock.length() - 1, 0, clock, theme.plain);
    }
}
