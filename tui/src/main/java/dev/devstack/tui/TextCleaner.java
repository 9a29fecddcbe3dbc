package dev.devstack.tui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a service's line safe to print as one line of a stream of lines ({@link #forLog}), where a
 * service under a terminal ({@code tty: true}) moves the cursor and redraws with carriage returns.
 * The dashboard draws lines through {@link StyledText} instead.
 */
final class TextCleaner {

    private static final Pattern ESCAPES = Pattern.compile("\u001b(\\[[0-9;?]*[ -/]*[@-~]|\\][^\u0007\u001b]*(\u0007|\u001b\\\\)?|[@-Z\\\\-_])");
    private static final Pattern COLOUR = Pattern.compile("\u001b\\[[0-9;:]*m");
    private static final String RESET = "\u001b[0m";

    private TextCleaner() {
    }

    /**
     * A line as one line of plain output (devstack's own output without a dashboard): what a terminal
     * would show of it once drawn (the text after its last carriage return), without escape sequences
     * but, with {@code colours}, those that set colours (and a reset after them, so that the colour ends
     * with the line); tabs are kept, other control characters become '?'.
     */
    static String forLog(String text, boolean colours) {
        if (text.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
            return text;
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        String shown = text.substring(text.lastIndexOf('\r', end - 1) + 1, end);
        StringBuilder out = new StringBuilder(shown.length() + RESET.length());
        Matcher escape = ESCAPES.matcher(shown);
        boolean coloured = false;
        int from = 0;
        while (escape.find()) {
            visible(shown, from, escape.start(), out);
            if (colours && COLOUR.matcher(escape.group()).matches()) {
                out.append(escape.group());
                coloured = true;
            }
            from = escape.end();
        }
        visible(shown, from, shown.length(), out);
        return coloured ? out.append(RESET).toString() : out.toString();
    }

    /** Text between escape sequences: tabs kept, other control characters shown as '?'. */
    private static void visible(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            out.append((c < 0x20 && c != '\t') || c == 0x7f ? '?' : c);
        }
    }
}
