package dev.devstack.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * A service's line made safe to draw in one screen row, with the colours it asked for: its SGR
 * sequences (colours, bold, italic, underline, reverse) become {@link Run}s over the plain text,
 * every other terminal sequence (cursor moves, titles) is dropped, a carriage return keeps only
 * what was written after it (a progress bar's last state), tabs become spaces and other control
 * characters a visible '?'. The plain text is what is searched and copied: never an escape code.
 */
record StyledText(String text, List<Run> runs) {

    /** From {@code from} to the next run's start, the text has {@code style}; PLAIN is the line's own look. */
    record Run(int from, Style style) {
    }

    private static final char ESC = '\u001b';
    private static final char BELL = '\u0007';
    private static final int TAB = 4;

    StyledText {
        runs = List.copyOf(runs);
    }

    static StyledText parse(String raw) {
        String line = withoutTrailingCarriageReturns(raw);
        if (!needsWork(line)) {
            return new StyledText(line, List.of());
        }
        StringBuilder out = new StringBuilder(line.length());
        List<Run> runs = new ArrayList<>();
        Style style = Style.PLAIN;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ESC) {
                int end = sequenceEnd(line, i);
                if (end - i >= 3 && line.charAt(i + 1) == '[' && line.charAt(end - 1) == 'm') {
                    Style next = Sgr.apply(style, line.substring(i + 2, end - 1));
                    if (!next.equals(style)) {
                        style = next;
                        if (!runs.isEmpty() && runs.get(runs.size() - 1).from() == out.length()) {
                            runs.remove(runs.size() - 1);
                        }
                        runs.add(new Run(out.length(), style));
                    }
                }
                i = end;
                continue;
            }
            if (c == '\r') {
                out.setLength(0);
                runs.clear();
                if (!style.equals(Style.PLAIN)) {
                    runs.add(new Run(0, style));
                }
            } else if (c == '\t') {
                out.append(" ".repeat(TAB - out.length() % TAB));
            } else if (c < 0x20 || c == 0x7f) {
                out.append('?');
            } else {
                out.append(c);
            }
            i++;
        }
        if (runs.size() == 1 && runs.get(0).style().equals(Style.PLAIN)) {
            runs.clear();
        }
        return new StyledText(out.toString(), runs);
    }

    /** The style of the character at {@code index}. */
    Style styleAt(int index) {
        Style style = Style.PLAIN;
        for (Run run : runs) {
            if (run.from() > index) {
                break;
            }
            style = run.style();
        }
        return style;
    }

    private static String withoutTrailingCarriageReturns(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }

    private static boolean needsWork(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Where the escape sequence at {@code start} ends (exclusive): CSI, OSC (to BEL or ST), or ESC and one character. */
    private static int sequenceEnd(String line, int start) {
        int i = start + 1;
        if (i >= line.length()) {
            return i;
        }
        char kind = line.charAt(i);
        if (kind == '[') {
            i++;
            while (i < line.length() && (line.charAt(i) < 0x40 || line.charAt(i) > 0x7e)) {
                i++;
            }
            return Math.min(line.length(), i + 1);
        }
        if (kind == ']') {
            while (++i < line.length()) {
                char c = line.charAt(i);
                if (c == BELL) {
                    return i + 1;
                }
                if (c == ESC && i + 1 < line.length() && line.charAt(i + 1) == '\\') {
                    return i + 2;
                }
            }
            return i;
        }
        return i + 1;
    }
}
