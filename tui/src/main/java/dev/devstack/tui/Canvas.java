package dev.devstack.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

/**
 * Where one frame is drawn: text at a column and row in a style, cut at the right edge (a
 * double-width character counts two columns). Everything outside the size is ignored.
 */
final class Canvas {

    final int width;
    final int height;
    private final TextGraphics graphics;
    private final char cut;

    Canvas(TextGraphics graphics, Symbols symbols) {
        this.graphics = graphics;
        this.cut = symbols.unicode() ? '…' : '>';
        this.width = graphics.getSize().getColumns();
        this.height = graphics.getSize().getRows();
    }

    /** Writes {@code text} from {@code column}, at most {@code limit} columns of it; returns the column after it. */
    int put(int column, int row, String text, Style style, int limit) {
        if (row < 0 || row >= height || column >= width || limit <= 0) {
            return column;
        }
        String fitted = fit(text, Math.min(limit, width - column));
        apply(style);
        graphics.putString(column, row, fitted);
        return column + TerminalTextUtils.getColumnWidth(fitted);
    }

    int put(int column, int row, String text, Style style) {
        return put(column, row, text, style, width - column);
    }

    /** Fills a whole row with spaces in {@code style} (a bar, or a selected row). */
    void fillRow(int row, Style style) {
        if (row >= 0 && row < height) {
            apply(style);
            graphics.putString(0, row, " ".repeat(width));
        }
    }

    /** The longest start of {@code text} that fits in {@code columns}; a cut is marked ('…'). */
    String fit(String text, int columns) {
        if (columns <= 0) {
            return "";
        }
        if (TerminalTextUtils.getColumnWidth(text) <= columns) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length();
            int w = pair || TerminalTextUtils.isCharDoubleWidth(c) ? 2 : 1;
            if (used + w > columns - 1) {
                break;
            }
            out.append(c);
            if (pair) {
                out.append(text.charAt(++i));
            }
            used += w;
        }
        return out.append(cut).toString();
    }

    private void apply(Style style) {
        graphics.setForegroundColor(style.foreground() == null ? TextColor.ANSI.DEFAULT : style.foreground());
        graphics.setBackgroundColor(style.background() == null ? TextColor.ANSI.DEFAULT : style.background());
        graphics.setModifiers(style.modifiers());
    }
}
