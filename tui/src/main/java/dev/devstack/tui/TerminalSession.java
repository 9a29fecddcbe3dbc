package dev.devstack.tui;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal.CtrlCBehaviour;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import dev.devstack.supervisor.model.StackControl;
import dev.devstack.supervisor.model.StackView;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The user's terminal taken over for the dashboard: keys unbuffered and unechoed, Ctrl-C delivered
 * as a key instead of killing the process (Lanterna's default would call System.exit), UTF-8 out.
 * Closing it gives the terminal back as it was; devstack ends with _exit, so no shutdown hook would.
 */
public final class TerminalSession implements AutoCloseable {

    private final UnixTerminal terminal;
    private final TerminalScreen screen;
    private final EscapeSequences extras;
    private boolean closed;

    private TerminalSession(UnixTerminal terminal, OutputStream out) throws IOException {
        this.terminal = terminal;
        this.screen = new TerminalScreen(terminal);
        this.extras = new EscapeSequences(out);
        terminal.getInputDecoder().addProfile(() -> List.of(new SgrMouse()));
    }

    public static TerminalSession open(InputStream in, OutputStream out) throws IOException {
        return new TerminalSession(new UnixTerminal(in, out, StandardCharsets.UTF_8, CtrlCBehaviour.TRAP), out);
    }

    public TerminalScreen screen() {
        return screen;
    }

    /** The dashboard that runs on this terminal: mouse and clipboard through its escape sequences. */
    public Dashboard dashboard(StackView stack, StackControl control, DashboardContext context, DashboardMode mode) {
        return new Dashboard(screen, extras, stack, control, context, mode);
    }

    /** Gives the terminal back; again, nothing happens. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            extras.mouse(false);
        } finally {
            screen.stopScreen();
        }
        terminal.close();
    }
}
