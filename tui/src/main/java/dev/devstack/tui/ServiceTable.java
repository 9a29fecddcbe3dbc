package dev.devstack.tui;

import dev.devstack.app.view.ServiceUsage;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.DurationText;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of services: SERVICE, STATE, PORT(S) (a moved port is marked *), PID, UPTIME,
 * RESTARTS, CPU, MEM and the latest word on it. On a narrow terminal the least needed columns go
 * first (restarts, memory, CPU, uptime, pid); the last column takes what is left.
 */
final class ServiceTable {

    private static final int GAP = 2;
    private static final int MIN_DETAIL = 12;
    private static final String[] TITLES = {"SERVICE", "STATE", "PORT", "PID", "UPTIME", "RESTARTS", "CPU", "MEM",
        "HEALTH / LAST EVENT"};
    /** Column indexes in the order they are dropped when the terminal is too narrow. */
    private static final int[] DROP_ORDER = {5, 7, 6, 4, 3};
    private static final int[] CAPS = {24, 14, 18, 8, 8, 8, 6, 8, Integer.MAX_VALUE};

    private ServiceTable() {
    }

    /** Draws the header at {@code top} and up to {@code rows} services below it, keeping the selected one in sight. */
    static void draw(Frame frame, int top, int rows) {
        Canvas canvas = frame.canvas();
        List<ServiceSnapshot> visible = frame.visible();
        List<String[]> cells = new ArrayList<>();
        for (ServiceSnapshot service : visible) {
            cells.add(cells(frame, service));
        }
        int[] widths = widths(cells, canvas.width);
        drawRow(frame, top, TITLES, widths, null, false);
        if (visible.isEmpty()) {
            canvas.put(1, top + 1, frame.view().filter.isEmpty() ? "no services"
                    : "no service matches \"" + frame.view().filter + "\" (Esc clears the filter)",
                    frame.theme().dim);
            return;
        }
        int selected = Math.max(0, indexOf(visible, frame.view().selected));
        int first = scroll(frame.view(), selected, rows, visible.size());
        for (int i = 0; i < rows && first + i < visible.size(); i++) {
            ServiceSnapshot service = visible.get(first + i);
            drawRow(frame, top + 1 + i, cells.get(first + i), widths, service, first + i == selected);
            frame.targets().service(top + 1 + i, service.name());
        }
    }

    private static int scroll(ViewState view, int selected, int rows, int count) {
        int first = Math.min(view.tableScroll, Math.max(0, count - rows));
        if (selected < first) {
            first = selected;
        } else if (selected >= first + rows) {
            first = selected - rows + 1;
        }
        view.tableScroll = first;
        return first;
    }

    private static String[] cells(Frame frame, ServiceSnapshot service) {
        Symbols symbols = frame.symbols();
        String none = symbols.none();
        ServiceUsage usage = frame.usage().get(service.name());
        boolean alive = service.state().isAlive();
        return new String[] {
            service.name(),
            symbols.of(service.state()) + " " + service.state().word(),
            ports(frame, service),
            service.pid().isPresent() ? Long.toString(service.pid().getAsLong()) : none,
            alive && service.startedAt().isPresent()
                    ? DurationText.of(Duration.between(service.startedAt().get(), frame.now())) : none,
            Integer.toString(service.restarts()),
            usage != null && alive && !Double.isNaN(usage.cpuPercent()) ? Formats.cpu(usage.cpuPercent()) : none,
            usage != null && alive ? Formats.memory(usage.residentBytes()) : none,
            DetailText.of(service.detail())
        };
    }

    private static String ports(Frame frame, ServiceSnapshot service) {
        List<String> ports = new ArrayList<>();
        for (PortAssignment assignment : frame.stack().ports()) {
            if (assignment.service().equals(service.name())) {
                ports.add(assignment.port() + (moved(assignment) ? "*" : ""));
            }
        }
        return ports.isEmpty() ? frame.symbols().none() : String.join(",", ports);
    }

    /** One of the service's ports is not the one it asked for (marked *). */
    private static boolean anyMoved(StackSnapshot stack, ServiceSnapshot service) {
        return stack.ports().stream().anyMatch(a -> a.service().equals(service.name()) && moved(a));
    }

    private static boolean moved(PortAssignment assignment) {
        return assignment.reason() instanceof AssignmentReason.Moved;
    }

    private static int[] widths(List<String[]> cells, int width) {
        int[] widths = new int[TITLES.length];
        for (int c = 0; c < TITLES.length - 1; c++) {
            int widest = TITLES[c].length();
            for (String[] row : cells) {
                widest = Math.max(widest, row[c].length());
            }
            widths[c] = Math.min(widest, CAPS[c]);
        }
        for (int drop : DROP_ORDER) {
            if (used(widths) + MIN_DETAIL <= width) {
                break;
            }
            widths[drop] = 0;
        }
        widths[TITLES.length - 1] = Math.max(0, width - used(widths) - 1);
        return widths;
    }

    private static int used(int[] widths) {
        int total = 1;
        for (int c = 0; c < widths.length - 1; c++) {
            total += widths[c] == 0 ? 0 : widths[c] + GAP;
        }
        return total;
    }

    private static void drawRow(Frame frame, int row, String[] cells, int[] widths, ServiceSnapshot service,
                                boolean selected) {
        Canvas canvas = frame.canvas();
        Theme theme = frame.theme();
        if (selected) {
            canvas.fillRow(row, theme.plain.selected());
        }
        int column = 1;
        for (int c = 0; c < cells.length; c++) {
            if (widths[c] == 0) {
                continue;
            }
            Style style = service == null ? theme.strong : style(frame, c, service);
            canvas.put(column, row, cells[c], selected ? style.selected() : style, widths[c]);
            column += widths[c] + GAP;
        }
    }

    private static Style style(Frame frame, int column, ServiceSnapshot service) {
        Theme theme = frame.theme();
        return switch (column) {
            case 1 -> theme.state(service.state());
            case 2 -> anyMoved(frame.stack(), service) ? theme.warn : theme.plain;
            case 8 -> service.state().isTerminal() || service.state() == ServiceState.BACKOFF
                    ? theme.state(service.state()) : theme.dim;
            default -> theme.plain;
        };
    }

    private static int indexOf(List<ServiceSnapshot> services, String name) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
