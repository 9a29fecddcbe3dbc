package dev.devstack.tui;

import com.googlecode.lanterna.SGR;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.PortAssignment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The log view: a title rule (whose lines, why a port moved, following or paused), then the lines
 * themselves, newest at the bottom, long ones wrapped. Search hits are highlighted.
 */
final class LogPane {

    private static final String SYSTEM = "system";

    private LogPane() {
    }

    /** The title at row {@code top}, and {@code rows} rows of lines below it. */
    static void draw(Frame frame, int top, int rows) {
        ViewState view = frame.view();
        String source = view.logSource();
        long newest = frame.logs().newest(source);
        long until = view.follow ? newest : view.anchor;
        title(frame, top, source, until);
        List<LogLine> lines = frame.logs().window(source, until, rows);
        if (lines.isEmpty()) {
            frame.canvas().put(1, top + 1, source.isEmpty() ? "no output yet" : source + " has printed nothing yet",
                    frame.theme().dim);
            return;
        }
        int nameWidth = source.isEmpty() ? nameWidth(frame) : 0;
        int first = top + 1;
        int bottom = first + rows;
        for (int i = lines.size() - 1; i >= 0 && bottom > first; i--) {
            LogLine line = lines.get(i);
            Prefix prefix = prefix(frame, line, nameWidth);
            int width = frame.canvas().width - 1 - prefix.width();
            List<String> pieces = wrap(text(line, nameWidth > 0), width);
            int shown = Math.min(pieces.size(), bottom - first);
            int row = bottom - shown;
            for (int p = pieces.size() - shown; p < pieces.size(); p++, row++) {
                drawLine(frame, row, line, p == 0 ? prefix : prefix.blank(), pieces.get(p), p * Math.max(1, width));
            }
            bottom -= shown;
        }
    }

    private static void title(Frame frame, int row, String source, long until) {
        Canvas canvas = frame.canvas();
        Theme theme = frame.theme();
        ViewState view = frame.view();
        canvas.put(0, row, String.valueOf(frame.symbols().rule()).repeat(canvas.width), theme.dim);
        String state = view.follow ? " following " : " paused" + newer(frame, source, until) + " · f follows ";
        int right = canvas.width - state.length() - 1;
        int column = canvas.put(1, row, " logs: " + (source.isEmpty() ? "all services" : source) + " ", theme.strong,
                right - 1);
        if (!source.isEmpty()) {
            String name = frame.nameOf(source).map(url -> " " + url + " ").orElse("");
            if (!name.isEmpty() && name.length() < right - column - 1) {
                column = canvas.put(column, row, name, theme.plain, right - column - 1);
            }
            String moved = moved(frame, source);
            if (!moved.isEmpty()) {
                canvas.put(column, row, " " + moved + " ", theme.warn, right - column - 1);
            }
        }
        canvas.put(right, row, state, view.follow ? theme.dim : theme.warn);
    }

    private static String newer(Frame frame, String source, long until) {
        int count = frame.logs().countAfter(source, until);
        return count == 0 ? "" : " · " + count + " newer";
    }

    /** "port 4013 moved: port 3000 is in use by pid 88 (node)" for a service whose port had to move. */
    private static String moved(Frame frame, String service) {
        List<String> moved = new ArrayList<>();
        for (PortAssignment assignment : frame.stack().ports()) {
            if (assignment.service().equals(service) && assignment.reason() instanceof AssignmentReason.Moved) {
                moved.add("port " + assignment.port() + " " + assignment.reason().describe());
            }
        }
        return String.join("; ", moved);
    }

    private static int nameWidth(Frame frame) {
        int width = SYSTEM.length();
        for (var service : frame.stack().services()) {
            width = Math.max(width, service.name().length());
        }
        return Math.min(width, 20);
    }

    /**
     * What stands before a line's text: its time, then the service's name (in the service's colour)
     * when every service is shown, or a marker for devstack's own lines when one is.
     */
    private record Prefix(String clock, String name, boolean coloured) {

        int width() {
            return clock.length() + name.length();
        }

        /** The same width of nothing, before the continuation of a wrapped line. */
        Prefix blank() {
            return new Prefix(" ".repeat(clock.length()), " ".repeat(name.length()), false);
        }
    }

    private static Prefix prefix(Frame frame, LogLine line, int nameWidth) {
        String clock = frame.clock(line.at()) + " ";
        if (nameWidth == 0) {
            return new Prefix(clock, line.kind() == LogLine.Kind.SYSTEM ? (frame.symbols().unicode() ? "▸ " : "> ") : "",
                    false);
        }
        String name = line.kind() == LogLine.Kind.SYSTEM ? SYSTEM : line.service();
        String padded = name.length() >= nameWidth ? name.substring(0, nameWidth) : name + " ".repeat(nameWidth - name.length());
        return new Prefix(clock, padded + " | ", true);
    }

    private static void drawLine(Frame frame, int row, LogLine line, Prefix prefix, String piece, int offset) {
        Canvas canvas = frame.canvas();
        Theme theme = frame.theme();
        Copying copying = copying(frame.view(), line.seq());
        int column = canvas.put(1, row, prefix.clock(), copying.look(theme.dim));
        Style name = !prefix.coloured() ? theme.dim
                : line.kind() == LogLine.Kind.SYSTEM ? theme.strong : theme.name(frame.indexOf(line.service()));
        column = canvas.put(column, row, prefix.name(), copying.look(name));
        Style base = line.kind() == LogLine.Kind.SYSTEM ? theme.info : theme.plain;
        boolean[] hits = hits(piece, frame.view().search);
        StyledText colours = new StyledText(line.text(), theme.colours ? line.colours() : List.of());
        int start = 0;
        Style current = null;
        for (int i = 0; i <= piece.length(); i++) {
            Style style = i == piece.length() ? null
                    : copying.look(hits[i] ? theme.match : look(colours.styleAt(offset + i), base));
            if (i > 0 && !Objects.equals(style, current)) {
                column = canvas.put(column, row, piece.substring(start, i), current);
                start = i;
            }
            current = style;
        }
    }

    /** The text of a line as the view shows it: in the interleaved view devstack's word names its service. */
    private static String text(LogLine line, boolean interleaved) {
        return interleaved && line.kind() == LogLine.Kind.SYSTEM && !line.service().isEmpty()
                ? line.service() + ": " + line.text() : line.text();
    }

    /** How copy mode shows a line: the cursor's line and the marked ones reversed, the cursor's bold too. */
    private enum Copying {
        NO, MARKED, CURSOR;

        Style look(Style style) {
            return switch (this) {
                case NO -> style;
                case MARKED -> style.selected();
                case CURSOR -> style.selected().with(SGR.BOLD);
            };
        }
    }

    private static Copying copying(ViewState view, long seq) {
        if (view.overlay != ViewState.Overlay.COPY) {
            return Copying.NO;
        }
        if (seq == view.copyCursor) {
            return Copying.CURSOR;
        }
        boolean marked = view.copyMark != 0 && seq >= Math.min(view.copyMark, view.copyCursor)
                && seq <= Math.max(view.copyMark, view.copyCursor);
        return marked ? Copying.MARKED : Copying.NO;
    }

    /** A service's own look where it gave one, else the line's. */
    private static Style look(Style coloured, Style base) {
        return coloured.equals(Style.PLAIN) ? base : coloured;
    }

    /** Which characters of {@code text} are part of a hit of {@code term}, ignoring case. */
    private static boolean[] hits(String text, String term) {
        boolean[] hits = new boolean[text.length()];
        String lower = text.toLowerCase(Locale.ROOT);
        String wanted = term.toLowerCase(Locale.ROOT);
        if (wanted.isEmpty() || lower.length() != text.length()) {
            return hits;
        }
        int at = lower.indexOf(wanted);
        while (at >= 0) {
            Arrays.fill(hits, at, at + wanted.length(), true);
            at = lower.indexOf(wanted, at + wanted.length());
        }
        return hits;
    }

    /** Cuts {@code text} into pieces of at most {@code width} characters; an empty line is one empty piece. */
    static List<String> wrap(String text, int width) {
        List<String> pieces = new ArrayList<>();
        if (width <= 0 || text.length() <= width) {
            pieces.add(text);
            return pieces;
        }
        for (int start = 0; start < text.length(); start += width) {
            pieces.add(text.substring(start, Math.min(text.length(), start + width)));
        }
        return pieces;
    }
}
