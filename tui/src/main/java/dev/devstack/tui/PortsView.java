package dev.devstack.tui;

import dev.devstack.app.view.PortLease;
import dev.devstack.app.view.PortProcess;
import dev.devstack.app.view.PortRow;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.ServiceSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The ports screen: this stack's ports with why each was chosen and who listens on it (a moved
 * port and a port held by a process outside the service are highlighted), then every listening
 * TCP port of the machine with its process, user and devstack lease, then the leases a team
 * registry holds for other hosts, each marked remote with its host.
 */
final class PortsView {

    private static final int GAP = 2;

    /** Who listens on one of the stack's ports, and whether that is someone other than the service. */
    private record Listening(String text, boolean conflict) {
    }

    private PortsView() {
    }

    static void draw(Frame frame, Optional<List<PortRow>> machine, String problem) {
        Canvas canvas = frame.canvas();
        Theme theme = frame.theme();
        int row = 2;
        canvas.put(1, row++, "THIS STACK", theme.strong);
        int labelWidth = Math.max(7, frame.stack().ports().stream().mapToInt(a -> label(a).length()).max().orElse(0));
        int[] stackWidths = {labelWidth, 6, Math.max(10, (canvas.width - labelWidth - 12) / 2)};
        row = header(canvas, theme, row, new String[] {"SERVICE", "PORT", "HOW IT WAS CHOSEN", "LISTENING"}, stackWidths);
        for (PortAssignment assignment : frame.stack().ports()) {
            boolean moved = assignment.reason() instanceof AssignmentReason.Moved;
            Listening listening = machine.map(ports -> listening(frame, assignment, ports))
                    .orElse(new Listening("reading" + ellipsis(frame), false));
            int column = 1;
            column = cell(canvas, column, row, label(assignment), theme.plain, stackWidths[0]);
            column = cell(canvas, column, row, assignment.port() + (moved ? "*" : ""), moved ? theme.warn : theme.plain,
                    stackWidths[1]);
            column = cell(canvas, column, row, assignment.reason().describe(), moved ? theme.warn : theme.dim,
                    stackWidths[2]);
            canvas.put(column, row, listening.text(), listening.conflict() ? theme.bad : theme.plain);
            frame.targets().url(row, frame.urlOf(assignment.service(), assignment.port(), assignment.primary()));
            row++;
        }
        row++;
        canvas.put(1, row, "MACHINE", theme.strong);
        boolean remote = machine.map(ports -> ports.stream().anyMatch(PortRow::remote)).orElse(false);
        canvas.put(9, row++, problem.isEmpty() ? "every listening TCP port and devstack lease"
                + (remote ? ", then other hosts' leases" : "")
                : "could not read the registry: " + problem, problem.isEmpty() ? theme.dim : theme.bad);
        int[] widths = {6, 16, 8, 10, 28};
        row = header(canvas, theme, row, new String[] {"PORT", "ADDRESS", "PID", "USER", "DEVSTACK LEASE", "PROCESS"},
                widths);
        if (machine.isEmpty()) {
            canvas.put(1, row, "reading" + ellipsis(frame), theme.dim);
            return;
        }
        List<PortRow> ports = machine.get();
        int rows = canvas.height - 1 - row;
        frame.view().portsScroll = Math.max(0, Math.min(frame.view().portsScroll, ports.size() - rows));
        for (int i = frame.view().portsScroll; i < ports.size() && row < canvas.height - 1; i++, row++) {
            machineRow(frame, row, ports.get(i), widths);
        }
    }

    private static void machineRow(Frame frame, int row, PortRow port, int[] widths) {
        if (port.remote()) {
            remoteRow(frame, row, port, widths);
            return;
        }
        Canvas canvas = frame.canvas();
        Theme theme = frame.theme();
        boolean ours = port.lease().map(PortLease::thisProject).orElse(false);
        Style style = port.conflict() ? theme.bad : ours ? theme.info : theme.plain;
        String none = frame.symbols().none();
        int column = 1;
        column = cell(canvas, column, row, Integer.toString(port.port()), style, widths[0]);
        column = cell(canvas, column, row, port.listening() ? String.join(",", port.addresses()) : "not listening",
                port.listening() ? style : theme.dim, widths[1]);
        column = cell(canvas, column, row, port.process().map(p -> Long.toString(p.pid())).orElse(none), style, widths[2]);
        column = cell(canvas, column, row, port.user(), style, widths[3]);
        column = cell(canvas, column, row, port.lease().map(PortsView::lease).orElse(none), style, widths[4]);
        canvas.put(column, row, port.process().map(p -> shortCommand(p.commandLine())).filter(c -> !c.isEmpty())
                .orElse(port.listening() && port.process().isEmpty() ? "(process not visible to you)" : ""), theme.dim);
        if (port.listening()) {
            frame.targets().url(row, "http://127.0.0.1:" + port.port());
        }
    }

    /**
     * Another host's lease: nothing of it can be seen from here, so its host takes the address and
     * pid columns together, where an 80-column terminal still shows it.
     */
    private static void remoteRow(Frame frame, int row, PortRow port, int[] widths) {
        Canvas canvas = frame.canvas();
        Theme theme = frame.theme();
        int column = 1;
        column = cell(canvas, column, row, Integer.toString(port.port()), theme.plain, widths[0]);
        column = cell(canvas, column, row, "remote: " + port.host(), theme.info, widths[1] + GAP + widths[2]);
        column = cell(canvas, column, row, port.user(), theme.plain, widths[3]);
        column = cell(canvas, column, row, port.lease().map(PortLease::owner).orElse(frame.symbols().none()), theme.plain,
                widths[4]);
        canvas.put(column, row, "a lease on another host, from the team registry", theme.dim);
    }

    /** The program's name without its folder, then its arguments: "python3.11 -u api.py". */
    static String shortCommand(String commandLine) {
        String line = commandLine.replaceAll("\\s+", " ").strip();
        int space = line.indexOf(' ');
        String program = space < 0 ? line : line.substring(0, space);
        return program.substring(program.lastIndexOf('/') + 1) + (space < 0 ? "" : line.substring(space));
    }

    private static String lease(PortLease lease) {
        return lease.thisProject() ? lease.owner() + " (this stack)" : lease.owner();
    }

    /** Who listens on one of the stack's ports: the service itself, nobody, or someone else. */
    private static Listening listening(Frame frame, PortAssignment assignment, List<PortRow> ports) {
        OptionalLong servicePid = frame.stack().service(assignment.service()).map(ServiceSnapshot::pid)
                .orElse(OptionalLong.empty());
        Listening result = new Listening("not listening", false);
        for (PortRow port : ports) {
            if (port.port() != assignment.port() || !port.listening()) {
                continue;
            }
            boolean service = servicePid.isPresent() && port.processGroup().equals(servicePid);
            if (!service) {
                return new Listening("CONFLICT: " + port.process().map(PortProcess::description)
                        .orElse("a process of " + port.user()) + " listens here", true);
            }
            result = new Listening("pid " + port.process().map(PortProcess::pid).orElse(0L) + " on "
                    + String.join(",", port.addresses()), false);
        }
        return result;
    }

    private static String label(PortAssignment assignment) {
        return assignment.primary() ? assignment.service() : assignment.service() + "." + assignment.portName();
    }

    private static int header(Canvas canvas, Theme theme, int row, String[] titles, int[] widths) {
        int column = 1;
        for (int i = 0; i < titles.length; i++) {
            column = i < widths.length ? cell(canvas, column, row, titles[i], theme.strong, widths[i])
                    : canvas.put(column, row, titles[i], theme.strong);
        }
        return row + 1;
    }

    private static int cell(Canvas canvas, int column, int row, String text, Style style, int width) {
        canvas.put(column, row, text, style, width);
        return column + width + GAP;
    }

    private static String ellipsis(Frame frame) {
        return frame.symbols().unicode() ? "…" : "...";
    }
}
