package dev.devstack.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * A full-screen page of styled lines between the header and the footer (the details and graph
 * views): each line is cut at the right edge with '…', and the page scrolls when it is taller
 * than the screen, its first line kept where the user scrolled to (within what there is).
 */
final class TextPage {

    /** A piece of a line in one style. */
    record Part(String text, Style style) {
    }

    private final List<List<Part>> lines = new ArrayList<>();

    /** Starts a new line with {@code text}; {@link #add} continues it. */
    TextPage line(String text, Style style) {
        lines.add(new ArrayList<>(List.of(new Part(text, style))));
        return this;
    }

    TextPage add(String text, Style style) {
        lines.get(lines.size() - 1).add(new Part(text, style));
        return this;
    }

    TextPage blank() {
        lines.add(new ArrayList<>());
        return this;
    }

    int size() {
        return lines.size();
    }

    /**
     * Draws the lines from {@code scroll} (clamped to what the page has) on rows 1 to the footer;
     * returns the first line drawn, the scroll from now on.
     */
    int draw(Canvas canvas, int scroll) {
        int rows = canvas.height - 2;
        int first = Math.max(0, Math.min(scroll, lines.size() - rows));
        for (int i = first, row = 1; i < lines.size() && row <= rows; i++, row++) {
            int column = 1;
            for (Part part : lines.get(i)) {
                column = canvas.put(column, row, part.text(), part.style(), canvas.width - 1 - column);
            }
        }
        return first;
    }
}
