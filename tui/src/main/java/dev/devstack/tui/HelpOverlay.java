package dev.devstack.tui;

import java.util.List;

/**
 * A framed box in the middle of the screen listing every key ({@link KeyHelp}); on a screen too
 * small for all of them ↑ ↓ scroll the list, and the frame says there is more. Esc or ? closes it.
 */
final class HelpOverlay {

    private HelpOverlay() {
    }

    static void draw(Frame frame) {
        Canvas canvas = frame.canvas();
        Theme theme = frame.theme();
        boolean unicode = frame.symbols().unicode();
        List<KeyHelp.Entry> entries = KeyHelp.entries(frame.mode());
        int keysWidth = entries.stream().mapToInt(e -> e.keys().length()).max().orElse(0);
        int doesWidth = entries.stream().mapToInt(e -> e.does().length()).max().orElse(0);
        int width = Math.min(canvas.width - 2, keysWidth + doesWidth + 7);
        int height = Math.min(canvas.height - 2, entries.size() + 4);
        int left = (canvas.width - width) / 2;
        int top = (canvas.height - height) / 2;
        String horizontal = String.valueOf(frame.symbols().rule()).repeat(width - 2);
        String side = unicode ? "│" : "|";
        canvas.put(left, top, (unicode ? "┌" : "+") + horizontal + (unicode ? "┐" : "+"), theme.dim);
        for (int row = top + 1; row < top + height - 1; row++) {
            canvas.put(left, row, side + " ".repeat(width - 2) + side, theme.dim);
        }
        canvas.put(left, top + height - 1, (unicode ? "└" : "+") + horizontal + (unicode ? "┘" : "+"), theme.dim);
        canvas.put(left + 2, top, " keys ", theme.strong);
        int shown = Math.max(1, height - 4);
        ViewState view = frame.view();
        view.helpScroll = Math.max(0, Math.min(view.helpScroll, entries.size() - shown));
        boolean more = view.helpScroll + shown < entries.size();
        String upDown = frame.symbols().upDown();
        canvas.put(left + 2, top + height - 1, more || view.helpScroll > 0 ? " " + upDown + " more · Esc or ? closes "
                : " Esc or ? closes ", theme.dim);
        int row = top + 2;
        for (KeyHelp.Entry entry : entries.subList(view.helpScroll, entries.size())) {
            if (row >= top + height - 2) {
                break;
            }
            canvas.put(left + 2, row, entry.keys(), theme.strong, keysWidth);
            canvas.put(left + 4 + keysWidth, row, entry.does(), theme.plain, width - keysWidth - 6);
            row++;
        }
    }
}
