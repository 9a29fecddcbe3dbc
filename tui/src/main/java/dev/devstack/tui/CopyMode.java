package dev.devstack.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Copy mode on the log pane ({@code c}): a cursor on one line, moved with the arrows, j/k, the
 * page keys, Home and End; {@code v} marks where a selection starts; {@code y} copies the lines
 * from the mark to the cursor (or the cursor's line) as plain text, without the dashboard's clock
 * or any escape code; Esc leaves. While it is on the log view stays where it is and the mouse is
 * the terminal's.
 */
final class CopyMode {

    private final ViewState view;
    private final LogBook logs;
    private final Consumer<Clip> copy;

    CopyMode(ViewState view, LogBook logs, Consumer<Clip> copy) {
        this.view = view;
        this.logs = logs;
        this.copy = copy;
    }

    /** Starts on the newest line on show; false when there is nothing to copy. */
    boolean start() {
        String source = view.logSource();
        long bottom = view.follow ? logs.newest(source) : view.anchor;
        if (bottom == 0) {
            return false;
        }
        view.overlay = ViewState.Overlay.COPY;
        view.follow = false;
        view.anchor = bottom;
        view.copyCursor = bottom;
        view.copyMark = 0;
        return true;
    }

    /** @param page how many lines the log view shows */
    void key(KeyStroke key, int page) {
        String source = view.logSource();
        switch (key.getKeyType()) {
            case ArrowUp -> up(1, page);
            case ArrowDown -> down(1);
            case PageUp -> up(Math.max(1, page - 1), page);
            case PageDown -> down(Math.max(1, page - 1));
            case Home -> moveTo(logs.oldest(source), page);
            case End -> moveTo(logs.newest(source), page);
            case Escape -> leave();
            case Character -> {
                if (!key.isCtrlDown() && !key.isAltDown()) {
                    character(key.getCharacter(), page);
                }
            }
            default -> { }
        }
    }

    private void character(char c, int page) {
        switch (c) {
            case 'k' -> up(1, page);
            case 'j' -> down(1);
            case 'v' -> view.copyMark = view.copyMark == 0 ? view.copyCursor : 0;
            case 'y' -> {
                copy.accept(Clip.lines(marked()));
                leave();
            }
            default -> { }
        }
    }

    /** The marked lines' text, oldest first: from the mark to the cursor, or the cursor's line alone. */
    private List<String> marked() {
        long from = view.copyMark == 0 ? view.copyCursor : Math.min(view.copyMark, view.copyCursor);
        long to = Math.max(view.copyMark, view.copyCursor);
        List<String> lines = new ArrayList<>();
        for (LogLine line : logs.window(view.logSource(), to, Integer.MAX_VALUE)) {
            if (line.seq() >= from) {
                lines.add(line.text());
            }
        }
        return lines;
    }

    private void up(int lines, int page) {
        moveTo(logs.back(view.logSource(), view.copyCursor, lines), page);
    }

    private void down(int lines) {
        view.copyCursor = logs.forward(view.logSource(), view.copyCursor, lines);
        view.anchor = Math.max(view.anchor, view.copyCursor);
    }

    /** Moves the cursor, and the view with it when the cursor would leave it. */
    private void moveTo(long line, int page) {
        view.copyCursor = line;
        if (line > view.anchor) {
            view.anchor = line;
        } else {
            List<LogLine> shown = logs.window(view.logSource(), view.anchor, Math.max(1, page));
            if (!shown.isEmpty() && line < shown.get(0).seq()) {
                view.anchor = page <= 1 ? line : logs.forward(view.logSource(), line, page - 1);
            }
        }
    }

    private void leave() {
        view.overlay = ViewState.Overlay.NONE;
        view.copyMark = 0;
        view.copyCursor = 0;
    }
}
