package dev.devstack.tui;

import com.googlecode.lanterna.SGR;

/**
 * The bottom row: what is being asked or typed, a passing message, or the main keys of the screen
 * on show.
 */
final class FooterBar {

    private FooterBar() {
    }

    static void draw(Frame frame) {
        Canvas canvas = frame.canvas();
        Theme theme = frame.theme();
        ViewState view = frame.view();
        int row = canvas.height - 1;
        canvas.fillRow(row, theme.bar);
        String cursor = frame.symbols().unicode() ? "▏" : "_";
        switch (view.overlay) {
            case CONFIRM -> canvas.put(1, row, view.question, theme.bar.with(SGR.BOLD));
            case FILTER -> canvas.put(1, row, "filter: " + view.typing + cursor + "   Enter keeps it · Esc clears it",
                    theme.bar);
            case SEARCH -> canvas.put(1, row, "search: " + view.typing + cursor + "   Enter finds the newest hit · Esc clears",
                    theme.bar);
            case INPUT -> canvas.put(1, row, "typing to " + view.inputTo + ": " + view.inputLine + cursor
                    + "   Enter sends the line · Esc stops typing", theme.bar.with(SGR.BOLD));
            case COPY -> canvas.put(1, row, "copy: " + frame.symbols().upDown() + " move  v " + (view.copyMark == 0
                    ? "mark" : "unmark") + "  y copies " + (view.copyMark == 0 ? "the line" : "the marked lines")
                    + "  Esc leaves", theme.bar.with(SGR.BOLD));
            default -> canvas.put(1, row, status(frame), theme.bar);
        }
    }

    private static String status(Frame frame) {
        ViewState view = frame.view();
        if (frame.now().isBefore(view.messageUntil)) {
            return view.message;
        }
        if (view.quitting) {
            return "stopping the stack" + (frame.symbols().unicode() ? "…" : "...")
                    + " Ctrl-C or q again kills what is left";
        }
        String upDown = frame.symbols().upDown();
        String leave = frame.mode() == DashboardMode.ATTACHED ? "d detach  q quit" : "q quit";
        return switch (view.screen) {
            case TABLE -> upDown + " select  Enter logs  r restart  s stop/start  K kill  / filter  a all logs"
                    + "  p ports  ? help  " + leave;
            case LOGS -> upDown + " scroll  PgUp/PgDn page  / search  n/N older/newer hit  f follow  c copy  a all"
                    + "  Enter back  ? help  " + leave;
            case PORTS -> upDown + " scroll  p or Esc back  ? help  " + leave;
            case DETAILS -> upDown + " scroll  PgUp/PgDn page  i or Esc back  ? help  " + leave;
            case GRAPH -> upDown + " scroll  PgUp/PgDn page  g or Esc back  ? help  " + leave;
        };
    }
}
