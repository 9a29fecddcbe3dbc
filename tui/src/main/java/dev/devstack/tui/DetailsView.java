package dev.devstack.tui;

import dev.devstack.supervisor.model.CheckStatus;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.EnvironmentEntry;
import dev.devstack.supervisor.model.GroupProcess;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.RestartRecord;
import dev.devstack.supervisor.model.RestartSettings;
import dev.devstack.supervisor.model.ServiceInspection;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The details screen (`i`): what the stack tells of the selected service ({@link ServiceInspection}):
 * its command as run, folder, log file, restart policy, ports and why, checks and what they last
 * found, restarts, processes, and environment (secrets come masked from the stack).
 */
final class DetailsView {

    private static final int LABEL = 10;

    private DetailsView() {
    }

    static void draw(Frame frame) {
        ViewState view = frame.view();
        Theme theme = frame.theme();
        CompletableFuture<ServiceInspection> asked = view.inspection;
        if (asked.isDone() && !asked.isCompletedExceptionally()) {
            view.lastInspection = Optional.of(asked.join());
        }
        Optional<ServiceInspection> shown = view.lastInspection.filter(last -> last.service().equals(view.inspected));
        TextPage page = new TextPage();
        if (!asked.isDone() && shown.isPresent()) {
            lines(frame, page, shown.get());
        } else if (!asked.isDone()) {
            page.line(view.inspected, theme.strong).add("  asking the stack" + (frame.symbols().unicode() ? "…" : "..."),
                    theme.dim);
        } else if (asked.isCompletedExceptionally()) {
            page.line(view.inspected, theme.strong).add("  the stack could not tell: " + why(asked), theme.bad);
        } else {
            lines(frame, page, asked.join());
        }
        view.detailsScroll = page.draw(frame.canvas(), view.detailsScroll);
    }

    private static void lines(Frame frame, TextPage page, ServiceInspection inspection) {
        Theme theme = frame.theme();
        page.line(inspection.service(), theme.strong);
        frame.stack().service(inspection.service()).ifPresent(service -> page
                .add("  " + frame.symbols().of(service.state()) + " " + service.state().word(),
                        theme.state(service.state())));
        field(page, theme, "command", inspection.command());
        field(page, theme, "folder", inspection.folder().toString());
        field(page, theme, "log file", inspection.logFile().toString());
        field(page, theme, "restart", restart(inspection.restart(), frame.symbols().dot()));

        heading(page, theme, "PORTS", inspection.ports().size());
        for (PortAssignment port : inspection.ports()) {
            page.line(pad(port.primary() ? "PORT" : "PORT_" + port.portName()), theme.plain)
                    .add(pad(String.valueOf(port.port()), 7), theme.plain).add(port.reason().describe(), theme.dim);
        }
        heading(page, theme, "CHECKS", inspection.checks().size());
        for (CheckStatus check : inspection.checks()) {
            page.line(pad(check.role() == CheckStatus.Role.READINESS ? "readiness" : "health"), theme.plain)
                    .add(check.check(), theme.plain);
            page.line(pad(""), theme.plain);
            check.last().ifPresentOrElse(last -> page.add("last " + frame.clock(last.at()) + ": ", theme.dim)
                    .add((last.passed() ? "passed" : "failed") + ", " + last.result(), last.passed() ? theme.good : theme.warn),
                    () -> page.add("not attempted yet", theme.dim));
        }
        heading(page, theme, "RESTARTS", inspection.restarts().size());
        for (RestartRecord restart : inspection.restarts()) {
            page.line(pad(frame.clock(restart.at())), theme.plain).add(DetailText.of(restart.why()), theme.warn);
        }
        heading(page, theme, "PROCESSES", inspection.processes().size());
        for (GroupProcess process : inspection.processes()) {
            page.line(pad(String.valueOf(process.pid())), theme.plain).add(process.commandLine(), theme.plain);
        }
        heading(page, theme, "ENVIRONMENT", inspection.environment().size());
        for (EnvironmentEntry variable : inspection.environment()) {
            page.line(variable.name() + "=", theme.plain).add(variable.value(), variable.masked() ? theme.dim : theme.plain);
        }
    }

    private static void field(TextPage page, Theme theme, String label, String value) {
        page.line(pad(label), theme.dim).add(value, theme.plain);
    }

    private static void heading(TextPage page, Theme theme, String title, int count) {
        page.blank().line(title, theme.strong).add(count == 0 ? "  none" : "", theme.dim);
    }

    /** The policy short enough for a narrow terminal: "on-failure · backoff 0.50s · max 5 in a row" (the backoff doubles, docs/tui.md). */
    private static String restart(RestartSettings restart, String dot) {
        String limit = restart.maxRestarts().isPresent() ? dot + "max " + restart.maxRestarts().getAsInt() + " in a row"
                : "";
        return restart.mode().equals("no") ? "no (never restarted on its own)"
                : restart.mode() + dot + "backoff " + DetailText.seconds(restart.backoff()) + limit;
    }

    private static String pad(String text) {
        return pad(text, LABEL + 1);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private static String why(CompletableFuture<ServiceInspection> asked) {
        try {
            asked.join();
            return "";
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getCause() != null && cause instanceof UncheckedIOException
                    ? cause.getCause().getMessage() : cause.getMessage();
        }
    }
}
