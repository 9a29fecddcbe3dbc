package dev.devstack.tui;

import java.io.IOException;

/**
 * What the dashboard asks of the user's terminal besides drawing: to report the mouse or not, and
 * to put text on the system clipboard (OSC 52, which tmux, iTerm2, kitty, WezTerm, Windows
 * Terminal and most others honour; a terminal that does not ignores it). Called on the drawing thread.
 */
interface TerminalExtras {

    /** Clicks and the wheel reported as keys (on), or left to the terminal, whose own selection then works (off). */
    void mouse(boolean on) throws IOException;

    /** Puts {@code text} on the clipboard. */
    void copy(String text) throws IOException;

    /** A terminal that does neither (a test's virtual one). */
    TerminalExtras NONE = new TerminalExtras() {
        @Override
        public void mouse(boolean on) {
        }

        @Override
        public void copy(String text) {
        }
    };
}
