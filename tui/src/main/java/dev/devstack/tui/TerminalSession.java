package dev.devstack.tui;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal.CtrlCBehaviour;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The user's terminal taken over for the dashboard: keys unbuffered and unechoed, Ctrl-C delivered
 * as a key instead of killing the process (Lanterna's default would call System.exit), UTF-8 out.
 * Closing it gives the terminal back as it was; devstack ends with _exit, so no shutdown hook would.
 */
public final class TerminalSession implements AutoCloseable {

    private final UnixTerminal terminal;
    private final TerminalScreen screen;
    private boolean closed;

    private TerminalSession(UnixTerminal terminal) throws IOException {
        this.terminal = terminal;
        this.screen = new TerminalScreen(terminal);
    }

    public static TerminalSession open(InputStream in, OutputStream out) throws IOException {
        return new TerminalSession(new UnixTerminal(in, out, StandardCharsets.UTF_8, CtrlCBehaviour.TRAP));
    }

    public TerminalScreen screen() {
        return screen;
    }

    /** Gives the terminal back; again, nothing happens. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        screen.stopScreen();
        terminal.close();
    }
}
